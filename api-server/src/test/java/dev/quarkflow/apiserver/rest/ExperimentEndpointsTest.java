package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExperimentEndpointsTest {

    @Test
    void defaultExperiment_existsAndCannotBeDeleted() {
        String filter = "{\"predicates\":[{\"operation\":1,\"key\":\"display_name\",\"stringValue\":\"Default\"}]}";
        JsonPath list = json().queryParam("filter", filter).queryParam("page_token", "").queryParam("sort_by", "")
                .queryParam("namespace", "").get(BASE + "/experiments").then().statusCode(200).extract().jsonPath();

        assertThat(list.getInt("total_size")).isEqualTo(1);
        String id = list.getString("experiments[0].experiment_id");
        assertThat(list.getString("experiments[0].description")).startsWith("All runs created without");
        JsonPath error = json().delete(BASE + "/experiments/" + id).then().statusCode(409).extract().jsonPath();
        assertThat(error.getInt("code")).isEqualTo(10);
    }

    @Test
    void create_returnsUpstreamShape_andRejectsDuplicatesAndEmptyNames() {
        String name = "exp-" + UUID.randomUUID();

        JsonPath created = json().body(Map.of("display_name", name, "description", "d", "namespace", "ignored"))
                .post(BASE + "/experiments").then().statusCode(200).extract().jsonPath();

        assertThat(created.getString("storage_state")).isEqualTo("AVAILABLE");
        assertThat(created.getString("last_run_created_at")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(created.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.getMap("")).doesNotContainKey("namespace");
        json().body(Map.of("display_name", name)).post(BASE + "/experiments").then().statusCode(409);
        json().body(Map.of("description", "no name")).post(BASE + "/experiments").then().statusCode(400);
    }

    @Test
    void archiveUnarchiveAndDelete() {
        String id = json().body(Map.of("display_name", "exp-" + UUID.randomUUID())).post(BASE + "/experiments")
                .then().statusCode(200).extract().path("experiment_id");

        json().post(BASE + "/experiments/" + id + ":archive").then().statusCode(200);
        assertThat(json().get(BASE + "/experiments/" + id).then().extract().<String> path("storage_state"))
                .isEqualTo("ARCHIVED");
        json().post(BASE + "/experiments/" + id + ":unarchive").then().statusCode(200);
        assertThat(json().get(BASE + "/experiments/" + id).then().extract().<String> path("storage_state"))
                .isEqualTo("AVAILABLE");
        json().delete(BASE + "/experiments/" + id).then().statusCode(200);

        json().get(BASE + "/experiments/" + id).then().statusCode(404);
    }
}

package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.testing.SharedFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ListEndpointsTest {

    @Test
    void pagesThroughAFilteredSortedList_stablyUnderInserts() {
        String prefix = "page-" + UUID.randomUUID();
        for (int i = 0; i < 25; i++) {
            createExperiment(prefix + "-" + i);
        }
        String filter = "{\"predicates\":[{\"key\":\"name\",\"operation\":\"IS_SUBSTRING\",\"string_value\":\""
                + prefix + "\"}]}";

        List<String> seen = new ArrayList<>();
        JsonPath page = list(Map.of("filter", filter, "sort_by", "display_name desc", "page_size", "10"));
        assertThat(page.getInt("total_size")).isEqualTo(25);
        seen.addAll(page.getList("experiments.display_name"));
        createExperiment(prefix + "-99");
        while (page.getString("next_page_token") != null) {
            page = list(Map.of("page_token", page.getString("next_page_token"), "page_size", "10", "filter", "",
                    "sort_by", ""));
            seen.addAll(page.getList("experiments.display_name"));
        }

        assertThat(seen).hasSize(25).doesNotHaveDuplicates().doesNotContain(prefix + "-99");
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void emptyResult_isAnEmptyObject() {
        String filter = "{\"predicates\":[{\"key\":\"name\",\"operation\":\"EQUALS\",\"string_value\":\"none-"
                + UUID.randomUUID() + "\"}]}";

        String body = json().queryParam("filter", filter).get(BASE + "/runs").then().statusCode(200).extract()
                .asString();

        assertThat(body).isEqualTo("{}");
    }

    @Test
    void filtersByStateWithIn_andByTimestamp() {
        String filter = "{\"predicates\":[{\"key\":\"state\",\"operation\":\"IN\",\"string_values\":{\"values\":"
                + "[\"FAILED\",\"CANCELED\"]}},{\"key\":\"created_at\",\"operation\":\"GREATER_THAN\","
                + "\"timestamp_value\":\"2999-01-01T00:00:00Z\"}]}";

        json().queryParam("filter", filter).get(BASE + "/runs").then().statusCode(200);
    }

    @Test
    void rejectsBadListParameters() {
        String token = list(Map.of("page_size", "1", "sort_by", "name")).getString("next_page_token");

        json().queryParam("page_token", token).queryParam("sort_by", "created_at").get(BASE + "/experiments")
                .then().statusCode(400);
        json().queryParam("page_token", "not-a-token!").get(BASE + "/experiments").then().statusCode(400);
        json().queryParam("sort_by", "colour").get(BASE + "/experiments").then().statusCode(400);
        json().queryParam("sort_by", "name sideways").get(BASE + "/experiments").then().statusCode(400);
        json().queryParam("filter", "{not json").get(BASE + "/experiments").then().statusCode(400);
        json().queryParam("filter", "{\"predicates\":[{\"key\":\"colour\",\"operation\":1,\"string_value\":\"x\"}]}")
                .get(BASE + "/experiments").then().statusCode(400);
        json().queryParam("filter", "{\"predicates\":[{\"key\":\"name\",\"operation\":\"IN\",\"string_value\":\"x\"}]}")
                .get(BASE + "/experiments").then().statusCode(400);
        json().queryParam("page_size", "-1").get(BASE + "/experiments").then().statusCode(400);
    }

    @Test
    void filtersPipelinesByTag() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        json().body(Map.of("name", "tagged-" + tag, "tags", Map.of("team", tag))).post(BASE + "/pipelines").then()
                .statusCode(200);
        json().body(Map.of("name", "untagged-" + tag)).post(BASE + "/pipelines").then().statusCode(200);
        String filter = "{\"predicates\":[{\"key\":\"tags.team\",\"operation\":\"EQUALS\",\"string_value\":\"" + tag
                + "\"}]}";

        JsonPath page = json().queryParam("filter", filter).get(BASE + "/pipelines").then().statusCode(200)
                .extract().jsonPath();

        assertThat(page.getList("pipelines.name")).containsExactly("tagged-" + tag);
    }

    @Test
    void totalSize_countsEveryMatchingRow_onEveryPage_ofEveryList() {
        String tag = "total-" + UUID.randomUUID();
        String experimentId = json().body(Map.of("display_name", tag + "-experiment")).post(BASE + "/experiments")
                .then().statusCode(200).extract().path("experiment_id");
        String pipelineId = Api.uploadCorpus("hello_world.yaml", tag + "-versioned").then().statusCode(200)
                .extract().path("pipeline_id");
        Map<String, Object> spec = Specs.corpus("hello_world.yaml");
        for (int i = 0; i < 5; i++) {
            createExperiment(tag + "-" + i);
            json().body(Map.of("name", tag + "-" + i)).post(BASE + "/pipelines").then().statusCode(200);
            given().multiPart("uploadfile", "v.yaml", Api.bytes(SharedFixtures.conformance("kfp")
                    .resolve("hello_world.yaml"))).queryParam("name", tag + "-x" + i)
                    .queryParam("pipelineid", pipelineId).post(BASE + "/pipelines/upload_version").then()
                    .statusCode(200);
            json().body(Map.of("display_name", tag + "-" + i, "experiment_id", experimentId, "pipeline_spec", spec))
                    .post(BASE + "/runs").then().statusCode(200);
            json().body(Map.of("display_name", tag + "-" + i, "experiment_id", experimentId, "max_concurrency", "1",
                    "mode", "DISABLE", "trigger", Map.of("cron_schedule", Map.of("cron", "0 0 0 * * *")),
                    "pipeline_spec", spec)).post(BASE + "/recurringruns").then().statusCode(200);
        }
        // one row that matches the scope but not the filter, in each list
        json().body(Map.of("display_name", "other-" + tag.hashCode(), "experiment_id", experimentId,
                "pipeline_spec", spec)).post(BASE + "/runs").then().statusCode(200);

        assertThat(totals("/experiments", "experiments", "name", tag, Map.of())).containsExactly(6, 6, 6);
        assertThat(totals("/pipelines", "pipelines", "name", tag, Map.of())).containsExactly(6, 6, 6);
        assertThat(totals("/pipelines/" + pipelineId + "/versions", "pipeline_versions", "name", tag + "-x",
                Map.of())).containsExactly(5, 5, 5);
        assertThat(totals("/runs", "runs", "display_name", tag, Map.of("experiment_id", experimentId)))
                .containsExactly(5, 5, 5);
        assertThat(totals("/recurringruns", "recurringRuns", "display_name", tag,
                Map.of("experiment_id", experimentId))).containsExactly(5, 5, 5);
    }

    /**
     * Pages through a list filtered by a substring, 2 rows a page, and returns each page's {@code total_size},
     * checking that the pages together hold that many rows.
     */
    private static List<Integer> totals(String path, String key, String field, String substring,
            Map<String, String> scope) {
        String filter = "{\"predicates\":[{\"key\":\"" + field + "\",\"operation\":\"IS_SUBSTRING\","
                + "\"string_value\":\"" + substring + "\"}]}";
        List<Integer> totals = new ArrayList<>();
        int rows = 0;
        String token = "";
        do {
            JsonPath page = json().queryParams(scope).queryParam("page_size", 2).queryParam("filter", filter)
                    .queryParam("page_token", token).get(BASE + path).then().statusCode(200).extract().jsonPath();
            totals.add(page.getInt("total_size"));
            rows += page.getList(key).size();
            token = page.getString("next_page_token");
        } while (token != null);
        assertThat(rows).as("rows of %s", path).isEqualTo(totals.get(0));
        return totals;
    }

    private static void createExperiment(String name) {
        json().body(Map.of("display_name", name)).post(BASE + "/experiments").then().statusCode(200);
    }

    private static JsonPath list(Map<String, String> query) {
        return json().queryParams(query).get(BASE + "/experiments").then().statusCode(200).extract().jsonPath();
    }
}

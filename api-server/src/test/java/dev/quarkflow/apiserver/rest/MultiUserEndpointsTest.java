package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.proto.kfp.v2beta1.ExperimentServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.ListExperimentsRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListRunsRequest;
import dev.quarkflow.proto.kfp.v2beta1.RunServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Multi-user mode: namespaces scope experiments, runs, recurring runs and pipelines, as upstream's MULTIUSER. */
@QuarkusTest
@TestProfile(MultiUserProfile.class)
class MultiUserEndpointsTest {

    @TestHTTPResource
    URL url;

    private final String nsA = "team-a-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nsB = "team-b-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void healthz_reportsMultiUser() {
        assertThat(json().get(BASE + "/healthz").then().extract().jsonPath().getBoolean("multi_user")).isTrue();
    }

    @Test
    void experiments_liveInTheirNamespace_andEachNamespaceGetsItsOwnDefault() {
        // kfp.Client's create_run_from_pipeline_package get-or-creates "Default" in the user's namespace.
        String defaultA = createExperiment("Default", nsA);
        String defaultB = createExperiment("Default", nsB);
        String otherA = createExperiment("other", nsA);

        JsonPath listedA = json().queryParam("namespace", nsA).get(BASE + "/experiments").then().statusCode(200)
                .extract().jsonPath();

        assertThat(defaultA).isNotEqualTo(defaultB);
        assertThat(listedA.getList("experiments.experiment_id")).containsExactlyInAnyOrder(defaultA, otherA);
        assertThat(listedA.getList("experiments.namespace")).containsOnly(nsA);
        assertThat(json().get(BASE + "/experiments/" + defaultB).then().statusCode(200).extract()
                .path("namespace").toString()).isEqualTo(nsB);
        String filter = "{\"predicates\":[{\"operation\":1,\"key\":\"display_name\",\"stringValue\":\"Default\"}]}";
        assertThat(json().queryParam("filter", filter).queryParam("namespace", nsB).get(BASE + "/experiments")
                .then().statusCode(200).extract().jsonPath().getList("experiments.experiment_id"))
                .containsExactly(defaultB);
        json().body(Map.of("display_name", "Default", "namespace", nsA)).post(BASE + "/experiments").then()
                .statusCode(409);
    }

    @Test
    void experiments_withoutNamespace_are400NamingTheField() {
        assertBadRequest(json().body(Map.of("display_name", "x")).post(BASE + "/experiments"),
                "experiment.namespace", "An experiment cannot have an empty namespace in multi-user mode");
        assertBadRequest(json().get(BASE + "/experiments"), "namespace",
                "An experiment cannot have an empty namespace in multi-user mode");
        // kfp.Client sends the default context's namespace as an empty value.
        assertBadRequest(json().queryParam("namespace", "").queryParam("page_token", "").get(BASE + "/experiments"),
                "namespace", "An experiment cannot have an empty namespace in multi-user mode");
    }

    @Test
    void runs_needAnExperiment_andAreListedByNamespaceOrExperiment() {
        String experimentA = createExperiment("runs", nsA);
        String experimentB = createExperiment("runs", nsB);
        Map<String, Object> spec = Specs.corpus("hello_world.yaml");

        assertBadRequest(json().body(Map.of("display_name", "r", "pipeline_spec", spec)).post(BASE + "/runs"),
                "run.experiment_id", "Experiment id can not be empty in multi-user mode");
        String runA = createRun(experimentA, spec);
        String runB = createRun(experimentB, spec);

        assertThat(json().queryParam("namespace", nsA).get(BASE + "/runs").then().statusCode(200).extract()
                .jsonPath().getList("runs.run_id")).containsExactly(runA);
        assertThat(json().queryParam("experiment_id", experimentB).queryParam("namespace", "")
                .get(BASE + "/runs").then().statusCode(200).extract().jsonPath().getList("runs.run_id"))
                .containsExactly(runB);
        assertThat(json().get(BASE + "/runs/" + runB).then().statusCode(200).extract().path("experiment_id")
                .toString()).isEqualTo(experimentB);
        assertBadRequest(json().queryParam("namespace", "").get(BASE + "/runs"), "namespace",
                "A run cannot have an empty namespace in multi-user mode");
        json().queryParam("experiment_id", UUID.randomUUID().toString()).get(BASE + "/runs").then().statusCode(404);
    }

    @Test
    void recurringRuns_needAnExperiment_andAreListedByNamespace() {
        String experimentA = createExperiment("recurring", nsA);
        Map<String, Object> body = Map.of("display_name", "nightly", "max_concurrency", "1", "mode", "DISABLE",
                "trigger", Map.of("cron_schedule", Map.of("cron", "0 0 0 * * *")),
                "pipeline_spec", Specs.corpus("hello_world.yaml"));

        assertBadRequest(json().body(body).post(BASE + "/recurringruns"), "recurring_run.experiment_id",
                "Experiment id can not be empty in multi-user mode");
        Map<String, Object> inA = new HashMap<>(body);
        inA.put("experiment_id", experimentA);
        String id = json().body(inA).post(BASE + "/recurringruns").then().statusCode(200).extract()
                .path("recurring_run_id");
        inA.put("namespace", nsB);
        Response mismatch = json().body(inA).post(BASE + "/recurringruns");

        assertThat(json().queryParam("namespace", nsA).get(BASE + "/recurringruns").then().statusCode(200)
                .extract().jsonPath().getList("recurringRuns.recurring_run_id")).containsExactly(id);
        assertThat(json().queryParam("namespace", nsB).get(BASE + "/recurringruns").then().statusCode(200)
                .extract().jsonPath().getMap("")).doesNotContainKey("recurringRuns");
        assertBadRequest(mismatch, "recurring_run.namespace", "belongs to namespace '" + nsA + "' instead of '"
                + nsB + "'");
        assertBadRequest(json().get(BASE + "/recurringruns"), "namespace",
                "Recurring run cannot have an empty namespace in multi-user mode");
    }

    @Test
    void pipelines_ofANamespace_areListedApartFromSharedOnes() {
        String name = "mu-" + UUID.randomUUID();
        String inA = upload(name, nsA).then().statusCode(200).extract().path("pipeline_id");
        // The same name may exist once per namespace and once shared (namespace "").
        String shared = upload(name, null).then().statusCode(200).extract().path("pipeline_id");

        JsonPath listedA = json().queryParam("namespace", nsA).get(BASE + "/pipelines").then().statusCode(200)
                .extract().jsonPath();
        JsonPath listedShared = json().queryParam("namespace", "").queryParam("page_size", 200)
                .get(BASE + "/pipelines").then().statusCode(200).extract().jsonPath();

        assertThat(listedA.getList("pipelines.pipeline_id")).containsExactly(inA);
        assertThat(listedA.getList("pipelines.namespace")).containsOnly(nsA);
        assertThat(listedShared.getList("pipelines.pipeline_id")).contains(shared).doesNotContain(inA);
        assertThat(json().queryParam("namespace", nsA).get(BASE + "/pipelines/names/" + name).then()
                .statusCode(200).extract().path("pipeline_id").toString()).isEqualTo(inA);
        assertThat(json().get(BASE + "/pipelines/names/" + name).then().statusCode(200).extract()
                .path("pipeline_id").toString()).isEqualTo(shared);
        assertThat(json().get(BASE + "/pipelines/" + shared).then().statusCode(200).extract().jsonPath()
                .getMap("")).doesNotContainKey("namespace");
        json().queryParam("namespace", nsB).get(BASE + "/pipelines/names/" + name).then().statusCode(404);
    }

    @Test
    void grpc_listsWithoutNamespace_areInvalidArgument() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext().build();
        try {
            assertThatThrownBy(() -> ExperimentServiceGrpc.newBlockingStub(channel)
                    .listExperiments(ListExperimentsRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).contains("namespace")
                                .contains("An experiment cannot have an empty namespace in multi-user mode");
                    });
            String experiment = createExperiment("grpc", nsA);
            String run = createRun(experiment, Specs.corpus("hello_world.yaml"));
            assertThat(RunServiceGrpc.newBlockingStub(channel).listRuns(ListRunsRequest.newBuilder()
                    .setNamespace(nsA).build()).getRunsList()).extracting(r -> r.getRunId()).containsExactly(run);
        } finally {
            channel.shutdownNow();
        }
    }

    private static String createExperiment(String name, String namespace) {
        JsonPath created = json().body(Map.of("display_name", name, "namespace", namespace))
                .post(BASE + "/experiments").then().statusCode(200).extract().jsonPath();
        assertThat(created.getString("namespace")).isEqualTo(namespace);
        return created.getString("experiment_id");
    }

    private static String createRun(String experimentId, Map<String, Object> spec) {
        return json().body(Map.of("display_name", "r", "experiment_id", experimentId, "pipeline_spec", spec))
                .post(BASE + "/runs").then().statusCode(200).extract().path("run_id");
    }

    private static Response upload(String name, String namespace) {
        var request = given().multiPart("uploadfile", "hello_world.yaml",
                Api.bytes(SharedFixtures.conformance("kfp").resolve("hello_world.yaml"))).queryParam("name", name);
        if (namespace != null) {
            request = request.queryParam("namespace", namespace);
        }
        return request.post(BASE + "/pipelines/upload");
    }

    private static void assertBadRequest(Response response, String field, String message) {
        JsonPath error = response.then().statusCode(400).extract().jsonPath();
        assertThat(error.getInt("code")).isEqualTo(3);
        assertThat(error.getString("message")).contains(field).contains(message);
    }
}

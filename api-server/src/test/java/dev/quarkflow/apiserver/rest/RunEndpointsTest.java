package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.rpc.Status;

import dev.quarkflow.apiserver.backend.RecordingRunBackend;
import dev.quarkflow.apiserver.backend.RunStatusReporter;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RunEndpointsTest {

    private static final Map<String, Object> PARAMS = Map.of("param1", "a", "param2", "b");

    @Inject
    RecordingRunBackend backend;
    @Inject
    RunStatusReporter reporter;

    @Test
    void create_withInlineSpec_isPendingAndHandedToTheBackend() {
        Map<String, Object> body = Map.of("display_name", "inline", "pipeline_spec",
                Specs.corpus("sequential_v1.yaml"), "runtime_config", Map.of("parameters", PARAMS));

        JsonPath run = json().body(body).post(BASE + "/runs").then().statusCode(200).extract().jsonPath();

        String runId = run.getString("run_id");
        assertThat(run.getString("state")).isEqualTo("PENDING");
        assertThat(run.getString("storage_state")).isEqualTo("AVAILABLE");
        assertThat(run.getString("service_account")).isEqualTo("pipeline-runner");
        assertThat(run.getString("finished_at")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(run.getList("state_history.state")).containsExactly("PENDING");
        assertThat(run.getMap("pipeline_spec")).containsKeys("pipelineInfo", "root");
        assertThat(run.getMap("runtime_config.parameters")).isEqualTo(PARAMS);
        assertThat(run.getString("experiment_id")).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backend.submitted())
                .anySatisfy(s -> {
                    assertThat(s.runId()).isEqualTo(runId);
                    assertThat(s.spec().getPipelineInfo().getName()).isNotEmpty();
                    assertThat(s.parameters().get("param1").getStringValue()).isEqualTo("a");
                }));
        assertThat(json().get(BASE + "/runs/" + runId).then().statusCode(200).extract().<String> path("state"))
                .isEqualTo("PENDING");
    }

    @Test
    void create_byReference_echoesTheReference_notTheSpec() {
        String pipelineId = Api.uploadCorpus("sequential_v1.yaml", "ref-" + UUID.randomUUID()).then()
                .statusCode(200).extract().path("pipeline_id");
        Map<String, Object> body = Map.of("display_name", "by-ref", "pipeline_version_reference",
                Map.of("pipeline_id", pipelineId), "runtime_config", Map.of("parameters", PARAMS));

        JsonPath run = json().body(body).post(BASE + "/runs").then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("pipeline_version_reference.pipeline_id")).isEqualTo(pipelineId);
        assertThat(run.getString("pipeline_version_reference.pipeline_version_id")).isNotBlank();
        assertThat(run.getMap("")).doesNotContainKey("pipeline_spec");
    }

    @Test
    void create_rejectsBadParametersSourcesAndFields() {
        Map<String, Object> spec = Specs.corpus("sequential_v1.yaml");

        assertThat(json().body(Map.of("display_name", "x", "pipeline_spec", spec, "runtime_config",
                Map.of("parameters", Map.of("param1", "a", "param2", "b", "extra", 1)))).post(BASE + "/runs")
                .then().statusCode(400).extract().<String> path("message")).contains("not required by pipeline");
        assertThat(json().body(Map.of("display_name", "x", "pipeline_spec", spec)).post(BASE + "/runs")
                .then().statusCode(400).extract().<String> path("message")).contains("param1");
        assertThat(json().body(Map.of("display_name", "x", "pipeline_spec", spec, "runtime_config",
                Map.of("parameters", Map.of("param1", 1, "param2", "b")))).post(BASE + "/runs")
                .then().statusCode(400).extract().<String> path("message")).contains("STRING");
        json().body(Map.of("display_name", "x")).post(BASE + "/runs").then().statusCode(400);
        json().body(Map.of("display_name", "x", "pipeline_version_reference",
                Map.of("pipeline_version_id", UUID.randomUUID().toString()))).post(BASE + "/runs")
                .then().statusCode(404);
        json().body(Map.of("display_name", "x", "namespace", "n", "pipeline_spec", spec)).post(BASE + "/runs")
                .then().statusCode(400);
        json().body(Map.of("pipeline_spec", spec)).post(BASE + "/runs").then().statusCode(400);
    }

    @Test
    void terminate_setsCanceling_andAsksTheBackend_onlyOnce() {
        String runId = newRun();

        json().post(BASE + "/runs/" + runId + ":terminate").then().statusCode(200);

        assertThat(json().get(BASE + "/runs/" + runId).then().extract().<String> path("state")).isEqualTo("CANCELING");
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.cancelled().contains(runId));
        reporter.report(runId, RuntimeState.CANCELED, Optional.empty(), Optional.empty());
        json().post(BASE + "/runs/" + runId + ":terminate").then().statusCode(400);
    }

    @Test
    void retry_onlyFromAFailedRun_backToPending() {
        String runId = newRun();
        json().post(BASE + "/runs/" + runId + ":retry").then().statusCode(409);
        reporter.report(runId, RuntimeState.RUNNING, Optional.empty(), Optional.empty());
        reporter.report(runId, RuntimeState.FAILED, Optional.of(Status.newBuilder().setCode(2)
                .setMessage("task train failed").build()), Optional.empty());
        JsonPath failed = json().get(BASE + "/runs/" + runId).then().extract().jsonPath();
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("error.message")).isEqualTo("task train failed");
        assertThat(failed.getString("finished_at")).isNotEqualTo("1970-01-01T00:00:00Z");

        json().post(BASE + "/runs/" + runId + ":retry").then().statusCode(200);

        JsonPath retried = json().get(BASE + "/runs/" + runId).then().extract().jsonPath();
        assertThat(retried.getString("state")).isEqualTo("PENDING");
        assertThat(retried.getString("finished_at")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(retried.getList("state_history.state")).containsExactly("PENDING", "RUNNING", "FAILED", "PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.retried().stream()
                .anyMatch(s -> s.runId().equals(runId)));
    }

    @Test
    void archiveUnarchive_respectTheExperiment_andDeleteRemoves() {
        String experimentId = json().body(Map.of("display_name", "runs-" + UUID.randomUUID()))
                .post(BASE + "/experiments").then().statusCode(200).extract().path("experiment_id");
        String runId = json().body(Map.of("display_name", "in-exp", "experiment_id", experimentId, "pipeline_spec",
                Specs.corpus("sequential_v1.yaml"), "runtime_config", Map.of("parameters", PARAMS)))
                .post(BASE + "/runs").then().statusCode(200).extract().path("run_id");
        assertThat(json().get(BASE + "/experiments/" + experimentId).then().extract()
                .<String> path("last_run_created_at")).isNotEqualTo("1970-01-01T00:00:00Z");

        json().post(BASE + "/experiments/" + experimentId + ":archive").then().statusCode(200);
        assertThat(json().get(BASE + "/runs/" + runId).then().extract().<String> path("storage_state"))
                .isEqualTo("ARCHIVED");
        json().post(BASE + "/runs/" + runId + ":unarchive").then().statusCode(400);
        json().post(BASE + "/experiments/" + experimentId + ":unarchive").then().statusCode(200);
        json().post(BASE + "/runs/" + runId + ":unarchive").then().statusCode(200);
        json().delete(BASE + "/runs/" + runId).then().statusCode(200);

        json().get(BASE + "/runs/" + runId).then().statusCode(404);
    }

    private String newRun() {
        return json().body(Map.of("display_name", "r", "pipeline_spec", Specs.corpus("sequential_v1.yaml"),
                "runtime_config", Map.of("parameters", PARAMS))).post(BASE + "/runs").then().statusCode(200)
                .extract().path("run_id");
    }
}

package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quarkflow.apiserver.local.LocalRunBackendProbe;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.GetArtifactsByContextRequest;
import dev.quarkflow.proto.mlmd.GetContextByTypeAndNameRequest;
import dev.quarkflow.proto.mlmd.GetEventsByExecutionIDsRequest;
import dev.quarkflow.proto.mlmd.GetExecutionsByContextRequest;
import dev.quarkflow.proto.mlmd.GetParentContextsByContextRequest;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Runs executed by the {@code local} backend, driven over REST as kfp.Client does. */
@QuarkusTest
@TestProfile(LocalBackendProfile.class)
class LocalRunsTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @Inject
    LocalRunBackendProbe probe;

    @Test
    void uploadedPipeline_runsToSucceeded_withTaskDetailsAndLogs() {
        String pipelineId = Api.uploadCorpus("hello_world.yaml", "hello-" + UUID.randomUUID())
                .then().statusCode(200).extract().path("pipeline_id");
        String versionId = json().get(BASE + "/pipelines/" + pipelineId + "/versions").then().statusCode(200)
                .extract().path("pipeline_versions[0].pipeline_version_id");
        String runId = json().body(Map.of("display_name", "hello", "pipeline_version_reference",
                Map.of("pipeline_id", pipelineId, "pipeline_version_id", versionId)))
                .post(BASE + "/runs").then().statusCode(200).extract().path("run_id");

        JsonPath run = awaitState(runId, "SUCCEEDED");

        assertThat(run.getList("state_history.state")).containsSubsequence("PENDING", "RUNNING", "SUCCEEDED");
        assertThat(run.getString("finished_at")).isNotEqualTo("1970-01-01T00:00:00Z");
        Map<String, Object> echo = task(run, "echo");
        assertThat(echo).containsEntry("state", "SUCCEEDED").containsEntry("run_id", runId)
                .containsKeys("create_time", "start_time", "end_time", "parent_task_id");
        assertThat(Instant.parse((String) echo.get("end_time")))
                .isAfterOrEqualTo(Instant.parse((String) echo.get("start_time")));
        Map<String, Object> root = task(run, (String) echo.get("parent_task_id"), "task_id");
        assertThat(root.get("child_tasks")).asList().contains(Map.of("task_id", echo.get("task_id")));
        assertThat(root).containsEntry("state", "SUCCEEDED");

        String log = given().get("/apis/v1alpha1/runs/" + runId + "/nodes/" + echo.get("task_id") + "/log")
                .then().statusCode(200).extract().asString();
        assertThat(log).contains("hello world");
        given().get("/apis/v1alpha1/runs/" + runId + "/nodes/no-such-task/log").then().statusCode(404);
    }

    @Test
    void failingTask_failsTheRun_withTheTaskError_andRetryRunsItAgain() throws Exception {
        Map<String, Object> spec = Specs.corpus("hello_world.yaml");
        Path attempts = Files.createTempFile("attempts", ".txt");
        executor(spec).put("command", List.of("sh", "-c"));
        executor(spec).put("args", List.of("echo attempt >> '" + attempts + "'; echo broken-input >&2; exit 3"));
        String runId = json().body(Map.of("display_name", "failing", "pipeline_spec", spec))
                .post(BASE + "/runs").then().statusCode(200).extract().path("run_id");

        JsonPath run = awaitState(runId, "FAILED");

        assertThat(run.getString("error.message")).isNotBlank();
        Map<String, Object> echo = task(run, "echo");
        assertThat(echo).containsEntry("state", "FAILED");
        assertThat(((Map<?, ?>) echo.get("error")).get("message").toString()).contains("broken-input");

        assertThat(Files.readAllLines(attempts)).hasSize(1);
        json().post(BASE + "/runs/" + runId + ":retry").then().statusCode(200);
        await().atMost(RUN_TIMEOUT).until(() -> Files.readAllLines(attempts).size() == 2);
        JsonPath retried = awaitState(runId, "FAILED");
        // the run's state is observed, not pushed (as upstream's persistence agent): a task that fails within one
        // observation goes from PENDING to FAILED without a RUNNING entry
        assertThat(retried.getList("state_history.state")).containsSubsequence("FAILED", "PENDING", "FAILED");
        assertThat(Files.readAllLines(attempts)).hasSize(2);
    }

    @Test
    void secondIdenticalRun_reusesTheCachedExecution_aChangedInputDoesNot() {
        Map<String, Object> spec = Specs.corpus("hello_world.yaml");
        String marker = "cached " + UUID.randomUUID();
        executor(spec).put("args", List.of(marker));
        String first = createRun("cache-1", spec);
        assertThat(task(awaitState(first, "SUCCEEDED"), "echo")).containsEntry("state", "SUCCEEDED");

        String second = createRun("cache-2", spec);
        JsonPath reused = awaitState(second, "SUCCEEDED");

        assertThat(task(reused, "echo")).containsEntry("state", "SKIPPED");
        executor(spec).put("args", List.of(marker + " changed"));
        String third = createRun("cache-3", spec);
        assertThat(task(awaitState(third, "SUCCEEDED"), "echo")).containsEntry("state", "SUCCEEDED");
    }

    private static String createRun(String name, Map<String, Object> spec) {
        return json().body(Map.of("display_name", name, "pipeline_spec", spec)).post(BASE + "/runs").then()
                .statusCode(200).extract().path("run_id");
    }

    @Test
    void terminate_killsTheRunningProcesses_andCancelsTheRun() {
        String runId = json().body(Map.of("display_name", "sleepy", "pipeline_spec",
                Specs.corpus("long-running.yaml"))).post(BASE + "/runs").then().statusCode(200)
                .extract().path("run_id");
        await().atMost(RUN_TIMEOUT).until(() -> tasks(runId).stream()
                .anyMatch(t -> t.containsKey("parent_task_id") && "RUNNING".equals(t.get("state"))));
        Instant terminated = Instant.now();

        json().post(BASE + "/runs/" + runId + ":terminate").then().statusCode(200);

        JsonPath run = awaitState(runId, "CANCELED");
        assertThat(Duration.between(terminated, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(run.getList("state_history.state")).containsSubsequence("RUNNING", "CANCELING", "CANCELED");
        assertThat(run.getList("run_details.task_details.state")).doesNotContain("RUNNING");
    }

    @Test
    void runLeftRunningByAnEarlierProcess_endsFailedWithAReason() {
        String runId = probe.storeOrphan("RUNNING");

        probe.failOrphans();

        JsonPath run = get(runId);
        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("error.message")).contains("api-server stopped");
        assertThat(run.getString("finished_at")).isNotEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void run_recordsContextsExecutionsArtifactsAndEvents_inMlmd_andReportsTheirIds() {
        assumeTrue(MetadataGrpcServer.running(), "metadata-grpc was not built: " + MetadataGrpcServer.JAR);
        String runId = json().body(Map.of("display_name", "two-step", "pipeline_spec",
                Specs.corpus("critical/two_step_pipeline_containerized.yaml"))).post(BASE + "/runs").then()
                .statusCode(200).extract().path("run_id");
        awaitState(runId, "SUCCEEDED");
        // lineage is written off the engine's thread: its ids reach the run shortly after
        JsonPath run = await().atMost(RUN_TIMEOUT).until(() -> get(runId), LocalRunsTest::lineageIdsReported);

        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", MetadataGrpcServer.port())
                .usePlaintext().build();
        try {
            var mlmd = MetadataStoreServiceGrpc.newBlockingStub(channel);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertLineage(mlmd, runId, run));
        } finally {
            channel.shutdownNow();
        }
    }

    private static boolean lineageIdsReported(JsonPath run) {
        List<Map<String, Object>> tasks = run.getList("run_details.task_details");
        return run.getString("run_details.pipeline_run_context_id") != null && tasks != null && tasks.size() == 3
                && tasks.stream().allMatch(t -> t.get("execution_id") != null);
    }

    private static void assertLineage(MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub mlmd, String runId,
            JsonPath run) {
        Context runContext = mlmd.getContextByTypeAndName(GetContextByTypeAndNameRequest.newBuilder()
                .setTypeName("system.PipelineRun").setContextName(runId).build()).getContext();
        assertThat(runContext.getCustomPropertiesMap().get("pipeline_root").getStringValue()).endsWith(runId);
        assertThat(run.getLong("run_details.pipeline_run_context_id")).isEqualTo(runContext.getId());
        var parents = mlmd.getParentContextsByContext(GetParentContextsByContextRequest.newBuilder()
                .setContextId(runContext.getId()).build()).getContextsList();
        assertThat(parents).extracting(Context::getType, Context::getId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system.Pipeline", run.getLong("run_details.pipeline_context_id")));

        List<Execution> executions = mlmd.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
                .setContextId(runContext.getId()).build()).getExecutionsList();
        assertThat(executions).filteredOn(e -> e.getType().equals("system.ContainerExecution")).hasSize(2)
                .allSatisfy(e -> assertThat(e.getLastKnownState()).isEqualTo(Execution.State.COMPLETE));
        assertThat(executions).extracting(Execution::getType).contains("system.DAGExecution");
        List<Map<String, Object>> tasks = run.getList("run_details.task_details");
        assertThat(tasks).as("each task's execution_id is its MLMD execution").allSatisfy(task -> {
            Execution execution = executions.stream()
                    .filter(e -> e.getId() == Long.parseLong(String.valueOf(task.get("execution_id"))))
                    .findFirst().orElseThrow();
            assertThat(execution.getCustomPropertiesMap().get("display_name").getStringValue())
                    .isEqualTo(task.get("display_name"));
        });
        assertThat(tasks).extracting(t -> Long.parseLong(String.valueOf(t.get("execution_id"))))
                .containsExactlyInAnyOrderElementsOf(executions.stream().map(Execution::getId).toList());

        List<Artifact> artifacts = mlmd.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder()
                .setContextId(runContext.getId()).build()).getArtifactsList();
        assertThat(artifacts).extracting(Artifact::getType).contains("system.Dataset");
        List<Event> events = mlmd.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
                .addAllExecutionIds(executions.stream().map(Execution::getId).toList()).build())
                .getEventsList();
        long dataset = artifacts.stream().filter(a -> a.getType().equals("system.Dataset")).findFirst()
                .orElseThrow().getId();
        assertThat(events).filteredOn(e -> e.getArtifactId() == dataset).extracting(Event::getType)
                .contains(Event.Type.OUTPUT, Event.Type.INPUT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> executor(Map<String, Object> spec) {
        Map<String, Object> executors = (Map<String, Object>) ((Map<String, Object>) spec.get("deploymentSpec"))
                .get("executors");
        return (Map<String, Object>) ((Map<String, Object>) executors.get("exec-echo")).get("container");
    }

    /** The run's task details; empty before the first report (empty lists are omitted from the JSON). */
    static List<Map<String, Object>> tasks(String runId) {
        List<Map<String, Object>> tasks = get(runId).getList("run_details.task_details");
        return tasks == null ? List.of() : tasks;
    }

    static JsonPath get(String runId) {
        return json().get(BASE + "/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitState(String runId, String state) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> state.equals(get(runId).getString("state")));
        return get(runId);
    }

    /** A task below the root DAG (the root carries the pipeline's name, which may equal a task's). */
    static Map<String, Object> task(JsonPath run, String displayName) {
        List<Map<String, Object>> tasks = run.getList("run_details.task_details");
        return tasks.stream().filter(t -> displayName.equals(t.get("display_name")) && t.containsKey(
                "parent_task_id")).findFirst()
                .orElseThrow(() -> new AssertionError("no task named " + displayName + " in " + tasks));
    }

    static Map<String, Object> task(JsonPath run, String value, String field) {
        List<Map<String, Object>> tasks = run.getList("run_details.task_details");
        return tasks.stream().filter(t -> value.equals(t.get(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no task with " + field + " " + value + " in " + tasks));
    }
}

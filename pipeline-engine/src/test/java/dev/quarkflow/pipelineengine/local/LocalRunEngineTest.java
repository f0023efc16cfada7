package dev.quarkflow.pipelineengine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.Value;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.cache.InMemoryCacheStore;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskKind;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.domain.TaskState;
import dev.quarkflow.pipelineengine.domain.Values;

class LocalRunEngineTest {

    @TempDir
    Path dataDir;
    private LocalRunEngine engine;
    private final InMemoryCacheStore cache = new InMemoryCacheStore();

    private LocalRunEngine engine(int maxParallel) {
        engine = new LocalRunEngine(LocalEngineConfig.defaults(dataDir).withMaxParallelTasks(maxParallel)
                .withCache(true, cache).withTaskTimeout(Duration.ofSeconds(60)));
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static CompiledPipeline pipeline(String file) throws IOException {
        return CompiledPipeline.parse(Files.readString(SharedFixtures.conformance("kfp").resolve(file)));
    }

    private static RunRequest uncached(String runId, CompiledPipeline pipeline) {
        return new RunRequest(runId, null, pipeline, Map.of(), Map.of(), null, false, null);
    }

    private static RunState finish(RunHandle run) throws Exception {
        return run.completion().get(120, TimeUnit.SECONDS);
    }

    private static TaskSnapshot task(RunHandle run, String taskId) {
        return run.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow();
    }

    @Test
    void passesArtifactsBetweenProcesses_andStoresTheirLogs() throws Exception {
        RunHandle run = engine(2).start(RunRequest.of("r1", pipeline("critical/two_step_pipeline_containerized.yaml"),
                Map.of("text", Values.of("from the test"))), RunListener.NONE);

        assertThat(finish(run)).isEqualTo(RunState.SUCCEEDED);
        String uri = task(run, "component1").outputArtifacts().get("output_gcs").get(0).getUri();
        assertThat(Path.of(uri)).hasContent("from the test");
        assertThat(uri).isEqualTo(dataDir.resolve("pipeline_root/containerized-two-step-pipeline/r1/component1/output_gcs")
                .toString());
        assertThat(run.logs("component2").orElseThrow().readStdout()).isEqualTo("from the test\n");
    }

    @Test
    void lightweightComponent_returnsTypedOutputs_throughTheKfpRuntime() throws Exception {
        RunHandle run = engine(2).start(RunRequest.of("r1", pipeline("critical/add_numbers.yaml"),
                Map.of("a", Values.of(2), "b", Values.of(40))), RunListener.NONE);

        assertThat(finish(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(task(run, "root").outputParameters()).containsEntry("Output", Values.of(42));
    }

    @Test
    void secondIdenticalRun_isServedFromTheCache_aChangedInputIsNot() throws Exception {
        engine(2);
        CompiledPipeline pipeline = pipeline("critical/two_step_pipeline_containerized.yaml");
        Map<String, Value> text = Map.of("text", Values.of("cached"));

        assertThat(finish(engine.start(RunRequest.of("r1", pipeline, text), RunListener.NONE)))
                .isEqualTo(RunState.SUCCEEDED);
        RunHandle second = engine.start(RunRequest.of("r2", pipeline, text), RunListener.NONE);
        assertThat(finish(second)).isEqualTo(RunState.SUCCEEDED);
        RunHandle changed = engine.start(RunRequest.of("r3", pipeline, Map.of("text", Values.of("other"))),
                RunListener.NONE);
        assertThat(finish(changed)).isEqualTo(RunState.SUCCEEDED);

        assertThat(task(second, "component1").state()).isEqualTo(TaskState.CACHED);
        assertThat(task(second, "component2").state()).isEqualTo(TaskState.CACHED);
        assertThat(second.logs("component1")).isEmpty();
        assertThat(task(second, "component1").outputArtifacts().get("output_gcs").get(0).getUri()).contains("/r1/");
        assertThat(task(changed, "component1").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void cachedExecution_whoseArtifactsAreGone_runsAgain() throws Exception {
        engine(2);
        CompiledPipeline pipeline = pipeline("critical/two_step_pipeline_containerized.yaml");
        RunHandle first = engine.start(RunRequest.of("r1", pipeline, Map.of()), RunListener.NONE);
        assertThat(finish(first)).isEqualTo(RunState.SUCCEEDED);
        Files.delete(Path.of(task(first, "component1").outputArtifacts().get("output_gcs").get(0).getUri()));

        RunHandle second = engine.start(RunRequest.of("r2", pipeline, Map.of()), RunListener.NONE);

        assertThat(finish(second)).isEqualTo(RunState.SUCCEEDED);
        assertThat(task(second, "component1").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void cachingOffForTheRun_runsEverything() throws Exception {
        engine(2);
        CompiledPipeline pipeline = pipeline("critical/two_step_pipeline_containerized.yaml");
        finish(engine.start(RunRequest.of("r1", pipeline, Map.of()), RunListener.NONE));

        RunHandle second = engine.start(uncached("r2", pipeline), RunListener.NONE);

        assertThat(finish(second)).isEqualTo(RunState.SUCCEEDED);
        assertThat(second.tasks()).filteredOn(t -> t.kind() == TaskKind.CONTAINER)
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
    }

    @Test
    void cancel_killsTheRunningProcess_andTheRunEndsCanceled() throws Exception {
        RunHandle run = engine(2).start(RunRequest.of("r1", pipeline("long-running.yaml"), Map.of()),
                RunListener.NONE);
        await().atMost(Duration.ofSeconds(30)).until(() -> run.tasks().stream()
                .anyMatch(t -> t.kind() == TaskKind.CONTAINER && t.state() == TaskState.RUNNING)
                && run.tasks().stream().anyMatch(t -> run.logs(t.taskId()).isPresent()));

        run.cancel();

        assertThat(run.completion().get(30, TimeUnit.SECONDS)).isEqualTo(RunState.CANCELED);
        assertThat(run.tasks()).filteredOn(t -> t.kind() == TaskKind.CONTAINER)
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.CANCELED));
    }

    @Test
    void failingTask_failsTheRun_withItsErrorOutput() throws Exception {
        RunHandle run = engine(2).start(RunRequest.of("r1", pipeline("failing/fail_v2.yaml"), Map.of()),
                RunListener.NONE);

        assertThat(finish(run)).isEqualTo(RunState.FAILED);
        assertThat(run.error()).get().asString().contains("task 'fail'").contains("exit code 1");
    }

    @Test
    void retries_rerunAFlakyTask_untilItSucceeds() throws Exception {
        Path counter = dataDir.resolve("counter.txt");
        RunHandle run = engine(2).start(RunRequest.of("r1",
                pipeline("local_execution/local_execution_pipeline_with_retry.yaml"),
                Map.of("counter_path", Values.of(counter.toString()))), RunListener.NONE);

        assertThat(finish(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(task(run, "flaky").attempt()).isEqualTo(2);
        assertThat(task(run, "root").outputParameters()).containsEntry("Output", Values.of("attempt=2"));
    }

    @Test
    void parallelismLimit_ofOne_runsProcessesOneAfterAnother() throws Exception {
        RunHandle run = engine(1).start(uncached("r1", pipeline("critical/parallel_for_after_dependency.yaml")),
                RunListener.NONE);

        assertThat(finish(run)).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.tasks()).filteredOn(t -> t.kind() == TaskKind.CONTAINER).hasSizeGreaterThan(2);
        assertThat(engine.peakProcesses()).isEqualTo(1);
    }

    @Test
    void brokenExecutorSpec_failsTheRun_insteadOfLeavingItRunning() throws Exception {
        var spec = pipeline("hello_world.yaml").spec().toBuilder();
        var executors = spec.getDeploymentSpec().getFieldsOrThrow("executors").getStructValue().toBuilder()
                .putFields("exec-echo", Values.parseValue("{\"container\": {\"command\": {\"not\": \"a list\"}}}"));
        spec.getDeploymentSpecBuilder().putFields("executors",
                Value.newBuilder().setStructValue(executors).build());

        RunHandle run = engine(1).start(RunRequest.of("r1", CompiledPipeline.of(spec.build()), Map.of()),
                RunListener.NONE);

        assertThat(finish(run)).isEqualTo(RunState.FAILED);
        assertThat(run.error()).get().asString().contains("exec-echo");
    }
}

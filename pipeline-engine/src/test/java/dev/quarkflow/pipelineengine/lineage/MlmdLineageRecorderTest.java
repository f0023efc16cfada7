package dev.quarkflow.pipelineengine.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunLineage;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.cache.InMemoryCacheStore;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskKind;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.domain.TaskState;
import dev.quarkflow.pipelineengine.local.LocalEngineConfig;
import dev.quarkflow.pipelineengine.local.LocalRunEngine;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.pipelinespec.ArtifactTypeSchema;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

class MlmdLineageRecorderTest {

    @TempDir
    Path dataDir;

    private final InMemoryMlmdWriter mlmd = new InMemoryMlmdWriter();
    private final InMemoryCacheStore cache = new InMemoryCacheStore();

    static CompiledPipeline twoStep() throws Exception {
        return CompiledPipeline.parse(Files.readString(
                SharedFixtures.conformance("kfp").resolve("critical/two_step_pipeline_containerized.yaml")));
    }

    private LocalRunEngine engine(MlmdWriter writer) {
        return new LocalRunEngine(LocalEngineConfig.defaults(dataDir).withCache(true, cache)
                .withLineage(new MlmdLineageRecorder(writer)).withTaskTimeout(Duration.ofSeconds(60)));
    }

    private static RunHandle runToTheEnd(LocalRunEngine engine, String runId) throws Exception {
        RunHandle run = engine.start(RunRequest.of(runId, twoStep(), Map.of()), RunListener.NONE);
        assertThat(run.completion().get(120, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        run.lineageRecorded().get(60, TimeUnit.SECONDS);
        return run;
    }

    @Test
    void recordsContextsExecutionsArtifactsAndEvents_asUpstreamDoes() throws Exception {
        try (LocalRunEngine engine = engine(mlmd)) {
            runToTheEnd(engine, "r1");
        }

        assertThat(mlmd.contexts()).extracting(Context::getType, Context::getName).containsExactly(
                tuple("system.Pipeline", "containerized-two-step-pipeline"), tuple("system.PipelineRun", "r1"));
        Context runContext = mlmd.contexts().get(1);
        assertThat(runContext.getCustomPropertiesMap().get("pipeline_root").getStringValue())
                .endsWith("/containerized-two-step-pipeline/r1");
        assertThat(runContext.getCustomPropertiesMap().get("resource_name").getStringValue()).isEqualTo("run-resource");
        assertThat(mlmd.parentContexts()).singleElement()
                .satisfies(p -> assertThat(p.getParentId()).isEqualTo(mlmd.contexts().get(0).getId()));

        Execution root = mlmd.executions().stream().filter(e -> e.getName().equals("run/r1")).findFirst().orElseThrow();
        assertThat(root.getType()).isEqualTo("system.DAGExecution");
        assertThat(root.getLastKnownState()).isEqualTo(Execution.State.COMPLETE);
        assertThat(root.getCustomPropertiesMap()).containsKeys("display_name", "task_name", "inputs", "outputs");
        assertThat(mlmd.executions()).filteredOn(e -> e.getType().equals("system.ContainerExecution")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.getLastKnownState()).isEqualTo(Execution.State.COMPLETE);
                    assertThat(e.getCustomPropertiesMap().get("parent_dag_id").getIntValue()).isEqualTo(root.getId());
                    assertThat(e.getCustomPropertiesMap().get("cache_fingerprint").getStringValue()).hasSize(64);
                    assertThat(e.getCustomPropertiesMap()).containsKeys("image", "pod_name", "pod_uid", "namespace",
                            "inputs", "outputs");
                });
        assertThat(mlmd.associations()).hasSize(2 * mlmd.executions().size());

        assertThat(mlmd.artifacts()).singleElement().satisfies(dataset -> {
            assertThat(dataset.getType()).isEqualTo("system.Dataset");
            assertThat(dataset.getState()).isEqualTo(Artifact.State.LIVE);
            assertThat(dataset.getCustomPropertiesMap().get("display_name").getStringValue()).isEqualTo("output_gcs");
        });
        long dataset = mlmd.artifacts().get(0).getId();
        assertThat(mlmd.attributions()).extracting(a -> a.getArtifactId()).containsExactly(dataset, dataset);
        assertThat(mlmd.events()).extracting(e -> taskName(e.getExecutionId()), Event::getArtifactId, Event::getType,
                e -> e.getPath().getSteps(0).getKey()).containsExactlyInAnyOrder(
                        tuple("component1", dataset, Event.Type.OUTPUT, "output_gcs"),
                        tuple("component2", dataset, Event.Type.INPUT, "input_gcs"));
    }

    @Test
    void writesEachTaskWithOnePutExecutionPerStartAndEnd_andACacheHitWithOne() throws Exception {
        RecordingMlmdWriter writer = new RecordingMlmdWriter(mlmd);
        try (LocalRunEngine engine = engine(writer)) {
            runToTheEnd(engine, "r1");
            List<PutExecutionRequest> first = writer.putExecutions();
            writer.reset();
            runToTheEnd(engine, "r2");

            assertThat(first).as("root and 2 containers, each started and ended").hasSizeBetween(3, 6)
                    .allSatisfy(put -> assertThat(put.getContextsList()).hasSize(2));
            assertThat(writer.putExecutions()).filteredOn(put -> put.getExecution().getType().equals(
                    "system.ContainerExecution")).as("one write per cache hit")
                    .extracting(put -> put.getExecution().getLastKnownState(), PutExecutionRequest::hasExecution)
                    .containsExactly(tuple(Execution.State.CACHED, true), tuple(Execution.State.CACHED, true));
        }

        assertThat(mlmd.artifacts()).as("the hit outputs the first run's artifact, as upstream's driver")
                .singleElement();
        long dataset = mlmd.artifacts().get(0).getId();
        List<Execution> completed = mlmd.executions().stream()
                .filter(e -> e.getLastKnownState() == Execution.State.COMPLETE
                        && e.getType().equals("system.ContainerExecution"))
                .toList();
        assertThat(mlmd.executions()).filteredOn(e -> e.getLastKnownState() == Execution.State.CACHED).hasSize(2)
                .allSatisfy(hit -> {
                    Execution reused = completed.stream().filter(e -> taskName(e.getId()).equals(taskName(hit
                            .getId()))).findFirst().orElseThrow();
                    assertThat(hit.getCustomPropertiesMap().get("cached_execution_id").getStringValue())
                            .isEqualTo(Long.toString(reused.getId()));
                    assertThat(hit.getCustomPropertiesMap().get("cache_fingerprint"))
                            .isEqualTo(reused.getCustomPropertiesMap().get("cache_fingerprint"));
                });
        assertThat(mlmd.events()).hasSize(4).allSatisfy(e -> assertThat(e.getArtifactId()).isEqualTo(dataset));
        assertThat(mlmd.events()).filteredOn(e -> e.getType() == Event.Type.OUTPUT).hasSize(2);
    }

    @Test
    void runGoesOn_whileMlmdIsSlow_andTheIdsReachSnapshotsAndHandle() throws Exception {
        RecordingMlmdWriter held = new RecordingMlmdWriter(mlmd, true);
        try (LocalRunEngine engine = engine(held)) {
            RunHandle run = engine.start(RunRequest.of("r1", twoStep(), Map.of()), RunListener.NONE);

            assertThat(run.completion().get(120, TimeUnit.SECONDS)).as("ends without one MLMD write")
                    .isEqualTo(RunState.SUCCEEDED);
            assertThat(run.lineage()).isEmpty();
            assertThat(run.tasks()).extracting(TaskSnapshot::executionId).containsOnlyNulls();

            held.open();
            run.lineageRecorded().get(60, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> run.tasks().stream().allMatch(t -> t.executionId() != null));

            assertThat(run.lineage()).contains(new RunLineage(mlmd.contexts().get(0).getId(),
                    mlmd.contexts().get(1).getId()));
            assertThat(run.tasks()).allSatisfy(task -> assertThat(taskName(task.executionId()))
                    .isEqualTo(task.taskName()));
        }
    }

    @Test
    void oneArtifactPerUri_whenATaskOutputsTheSameUriTwice() {
        MlmdLineageRecorder recorder = new MlmdLineageRecorder(mlmd);
        recorder.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root/p/r1"));
        RuntimeArtifact model = RuntimeArtifact.newBuilder().setUri("/root/p/r1/train/model")
                .setType(ArtifactTypeSchema.newBuilder().setSchemaTitle("system.Model")).build();
        TaskSnapshot train = new TaskSnapshot("train", null, "train", "train", "u1", TaskKind.CONTAINER, "comp-train",
                "exec-train", TaskState.SUCCEEDED, 1, -1, -1, Map.of(), Map.of(), Map.of(),
                Map.of("model", List.of(model), "best", List.of(model, model)), null);

        recorder.taskChanged("r1", train, null);

        assertThat(mlmd.artifacts()).singleElement().extracting(Artifact::getType).isEqualTo("system.Model");
        assertThat(mlmd.events()).extracting(e -> e.getPath().getSteps(0).getKey(), Event::getType)
                .containsExactlyInAnyOrder(tuple("model", Event.Type.OUTPUT), tuple("best", Event.Type.OUTPUT));
        assertThat(mlmd.executions()).singleElement().extracting(Execution::getLastKnownState)
                .isEqualTo(Execution.State.COMPLETE);
    }

    @Test
    void metadataValues_convertAsUpstream() {
        assertThat(MlmdLineageRecorder.metadataValue(com.google.protobuf.Value.newBuilder().setBoolValue(true).build())
                .getIntValue()).isEqualTo(1);
        assertThat(MlmdLineageRecorder.metadataValue(com.google.protobuf.Value.newBuilder().setNumberValue(2).build())
                .getDoubleValue()).isEqualTo(2.0);
    }

    private String taskName(long executionId) {
        return mlmd.executions().stream().filter(e -> e.getId() == executionId).findFirst().orElseThrow()
                .getCustomPropertiesMap().get("task_name").getStringValue();
    }
}

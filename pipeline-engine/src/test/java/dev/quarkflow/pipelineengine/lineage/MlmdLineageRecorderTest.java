package dev.quarkflow.pipelineengine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.local.LocalEngineConfig;
import dev.quarkflow.pipelineengine.local.LocalRunEngine;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;

class MlmdLineageRecorderTest {

    @TempDir
    Path dataDir;

    @Test
    void recordsContextsExecutionsArtifactsAndEvents_asUpstreamDoes() throws Exception {
        InMemoryMlmdWriter mlmd = new InMemoryMlmdWriter();
        CompiledPipeline pipeline = CompiledPipeline.parse(Files.readString(
                SharedFixtures.conformance("kfp").resolve("critical/two_step_pipeline_containerized.yaml")));
        try (LocalRunEngine engine = new LocalRunEngine(LocalEngineConfig.defaults(dataDir)
                .withLineage(new MlmdLineageRecorder(mlmd)).withTaskTimeout(Duration.ofSeconds(60)))) {
            RunHandle run = engine.start(RunRequest.of("r1", pipeline, Map.of()), RunListener.NONE);
            assertThat(run.completion().get(120, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        }

        assertThat(mlmd.contexts()).extracting(Context::getType, Context::getName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system.Pipeline", "containerized-two-step-pipeline"),
                org.assertj.core.groups.Tuple.tuple("system.PipelineRun", "r1"));
        Context runContext = mlmd.contexts().get(1);
        assertThat(runContext.getCustomPropertiesMap().get("pipeline_root").getStringValue())
                .endsWith("/containerized-two-step-pipeline/r1");
        assertThat(mlmd.parentContexts()).singleElement()
                .satisfies(p -> assertThat(p.getParentId()).isEqualTo(mlmd.contexts().get(0).getId()));

        Execution root = mlmd.executions().stream().filter(e -> e.getName().equals("run/r1")).findFirst().orElseThrow();
        assertThat(root.getType()).isEqualTo("system.DAGExecution");
        assertThat(root.getLastKnownState()).isEqualTo(Execution.State.COMPLETE);
        assertThat(mlmd.executions()).filteredOn(e -> e.getType().equals("system.ContainerExecution")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.getLastKnownState()).isEqualTo(Execution.State.COMPLETE);
                    assertThat(e.getCustomPropertiesMap().get("parent_dag_id").getIntValue()).isEqualTo(root.getId());
                    assertThat(e.getCustomPropertiesMap().get("cache_fingerprint").getStringValue()).hasSize(64);
                });
        assertThat(mlmd.associations()).hasSize(2 * mlmd.executions().size());

        Artifact dataset = mlmd.artifacts().stream().filter(a -> a.getType().equals("system.Artifact")
                || a.getType().startsWith("system.")).findFirst().orElseThrow();
        assertThat(dataset.getState()).isEqualTo(Artifact.State.LIVE);
        assertThat(dataset.getCustomPropertiesMap().get("display_name").getStringValue()).isEqualTo("output_gcs");
        assertThat(mlmd.events()).filteredOn(e -> e.getArtifactId() == dataset.getId())
                .extracting(Event::getType, e -> e.getPath().getSteps(0).getKey())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Event.Type.OUTPUT, "output_gcs"),
                        org.assertj.core.groups.Tuple.tuple(Event.Type.INPUT, "input_gcs"));
    }

    @Test
    void metadataValues_convertAsUpstream() {
        assertThat(MlmdLineageRecorder.metadataValue(com.google.protobuf.Value.newBuilder().setBoolValue(true).build())
                .getIntValue()).isEqualTo(1);
        assertThat(MlmdLineageRecorder.metadataValue(com.google.protobuf.Value.newBuilder().setNumberValue(2).build())
                .getDoubleValue()).isEqualTo(2.0);
    }
}

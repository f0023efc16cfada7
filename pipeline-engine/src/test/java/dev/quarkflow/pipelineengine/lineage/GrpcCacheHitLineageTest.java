package dev.quarkflow.pipelineengine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.cache.InMemoryCacheStore;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.local.LocalEngineConfig;
import dev.quarkflow.pipelineengine.local.LocalRunEngine;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.GetEventsByExecutionIDsRequest;
import dev.quarkflow.proto.mlmd.GetExecutionsRequest;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/**
 * A cache hit in a real metadata-grpc, as upstream's driver records it: state CACHED, {@code cached_execution_id} =
 * the reused execution's id, OUTPUT events on that execution's artifacts (found through {@code cache_fingerprint}).
 */
class GrpcCacheHitLineageTest {

    @TempDir
    Path dir;

    @Test
    void cacheHit_namesTheReusedExecution_andOutputsItsArtifact() throws Exception {
        MetadataGrpcProcess.assumeBuilt();
        CompiledPipeline pipeline = MlmdLineageRecorderTest.twoStep();
        try (MetadataGrpcProcess server = MetadataGrpcProcess.start(dir.resolve("mlmd"));
                GrpcMlmdWriter writer = new GrpcMlmdWriter("127.0.0.1", server.grpcPort(), Duration.ofSeconds(30))) {
            try (LocalRunEngine engine = new LocalRunEngine(LocalEngineConfig.defaults(dir.resolve("engine"))
                    .withCache(true, new InMemoryCacheStore()).withLineage(new MlmdLineageRecorder(writer))
                    .withTaskTimeout(Duration.ofSeconds(60)))) {
                for (String runId : List.of("first", "second")) {
                    RunHandle run = engine.start(RunRequest.of(runId, pipeline, Map.of()), RunListener.NONE);
                    assertThat(run.completion().get(120, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
                    run.lineageRecorded().get(60, TimeUnit.SECONDS);
                }
            }
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
                    .build();
            try {
                var mlmd = MetadataStoreServiceGrpc.newBlockingStub(channel);
                List<Execution> containers = mlmd.getExecutions(GetExecutionsRequest.getDefaultInstance())
                        .getExecutionsList().stream().filter(e -> e.getType().equals("system.ContainerExecution"))
                        .toList();
                Execution producer = byState(containers, "component1", Execution.State.COMPLETE);
                Execution hit = byState(containers, "component1", Execution.State.CACHED);
                Execution consumerHit = byState(containers, "component2", Execution.State.CACHED);

                assertThat(hit.getCustomPropertiesMap().get("cached_execution_id").getStringValue())
                        .isEqualTo(Long.toString(producer.getId()));
                assertThat(consumerHit.getCustomPropertiesMap().get("cached_execution_id").getStringValue())
                        .isEqualTo(Long.toString(byState(containers, "component2", Execution.State.COMPLETE).getId()));
                List<Event> events = mlmd.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
                        .addExecutionIds(producer.getId()).addExecutionIds(hit.getId())
                        .addExecutionIds(consumerHit.getId()).build()).getEventsList();
                long dataset = events.stream().filter(e -> e.getExecutionId() == producer.getId()).findFirst()
                        .orElseThrow().getArtifactId();
                assertThat(events).as("the hit outputs the producer's artifact, the next hit reads it")
                        .extracting(e -> e.getExecutionId() + ":" + e.getType() + ":" + e.getArtifactId())
                        .containsExactlyInAnyOrder(producer.getId() + ":OUTPUT:" + dataset,
                                hit.getId() + ":OUTPUT:" + dataset, consumerHit.getId() + ":INPUT:" + dataset);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static Execution byState(List<Execution> executions, String task, Execution.State state) {
        return executions.stream().filter(e -> e.getLastKnownState() == state
                && e.getCustomPropertiesMap().get("task_name").getStringValue().equals(task)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + state + " execution of " + task + " in " + executions));
    }
}

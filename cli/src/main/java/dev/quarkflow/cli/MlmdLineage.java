package dev.quarkflow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.GetArtifactsByIDRequest;
import dev.quarkflow.proto.mlmd.GetContextByTypeAndNameRequest;
import dev.quarkflow.proto.mlmd.GetEventsByExecutionIDsRequest;
import dev.quarkflow.proto.mlmd.GetExecutionsByContextRequest;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub;
import dev.quarkflow.proto.mlmd.Value;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;

/** Reads a run's lineage back from ML Metadata, as any MLMD client would, and prints artifact ← execution → artifact. */
final class MlmdLineage {

    private static final long DEADLINE_SECONDS = 10;

    private MlmdLineage() {
    }

    /** A container execution of the run with the artifacts it read and wrote. */
    record Step(String task, String state, List<Artifact> inputs, List<Artifact> outputs) {
    }

    static List<Step> read(String address, String runId) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        try {
            MetadataStoreServiceBlockingStub mlmd = MetadataStoreServiceGrpc.newBlockingStub(channel);
            Context run = stub(mlmd).getContextByTypeAndName(GetContextByTypeAndNameRequest.newBuilder()
                    .setTypeName("system.PipelineRun").setContextName(runId).build()).getContext();
            if (!run.hasId()) {
                return List.of();
            }
            List<Execution> executions = stub(mlmd).getExecutionsByContext(
                    GetExecutionsByContextRequest.newBuilder().setContextId(run.getId()).build()).getExecutionsList();
            List<Event> events = stub(mlmd).getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
                    .addAllExecutionIds(executions.stream().map(Execution::getId).toList()).build()).getEventsList();
            Map<Long, Artifact> artifacts = stub(mlmd).getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
                    .addAllArtifactIds(events.stream().map(Event::getArtifactId).distinct().toList()).build())
                    .getArtifactsList().stream().collect(Collectors.toMap(Artifact::getId, Function.identity()));
            List<Step> steps = new ArrayList<>();
            executions.stream().filter(execution -> "system.ContainerExecution".equals(execution.getType()))
                    .sorted(Comparator.comparing(Execution::getCreateTimeSinceEpoch))
                    .forEach(execution -> steps.add(new Step(taskName(execution), execution.getLastKnownState().name(),
                            linked(events, artifacts, execution, true), linked(events, artifacts, execution, false))));
            return steps;
        } catch (StatusRuntimeException e) {
            throw new CliFailure("metadata-grpc at " + address + " answered " + e.getStatus().getCode() + ": "
                    + e.getStatus().getDescription());
        } finally {
            channel.shutdownNow();
        }
    }

    static void print(List<Step> steps, PrintWriter out) {
        if (steps.isEmpty()) {
            out.println("  (no lineage recorded in ML Metadata for this run)");
            return;
        }
        for (Step step : steps) {
            out.printf("  %s ← %s [%s] → %s%n", names(step.inputs()), step.task(), step.state(),
                    names(step.outputs()));
        }
    }

    private static MetadataStoreServiceBlockingStub stub(MetadataStoreServiceBlockingStub mlmd) {
        return mlmd.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private static List<Artifact> linked(List<Event> events, Map<Long, Artifact> artifacts, Execution execution,
            boolean input) {
        return events.stream().filter(event -> event.getExecutionId() == execution.getId())
                .filter(event -> isInput(event.getType()) == input)
                .map(event -> artifacts.get(event.getArtifactId())).filter(java.util.Objects::nonNull).toList();
    }

    private static boolean isInput(Event.Type type) {
        return type == Event.Type.INPUT || type == Event.Type.DECLARED_INPUT || type == Event.Type.INTERNAL_INPUT;
    }

    private static String taskName(Execution execution) {
        for (String key : List.of("display_name", "task_name")) {
            Value value = execution.getCustomPropertiesMap().get(key);
            if (value != null && value.hasStringValue()) {
                return value.getStringValue();
            }
        }
        return execution.getName();
    }

    private static String names(List<Artifact> artifacts) {
        if (artifacts.isEmpty()) {
            return "()";
        }
        return artifacts.stream().map(artifact -> {
            Value name = artifact.getCustomPropertiesMap().get("display_name");
            return (name != null && name.hasStringValue() ? name.getStringValue() : artifact.getName()) + ": "
                    + artifact.getType();
        }).collect(Collectors.joining(", ", "(", ")"));
    }
}

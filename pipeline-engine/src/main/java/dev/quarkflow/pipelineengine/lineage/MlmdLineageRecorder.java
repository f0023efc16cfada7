package dev.quarkflow.pipelineengine.lineage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Struct;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskKind;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.domain.TaskState;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.mlmd.PutExecutionResponse;
import dev.quarkflow.proto.mlmd.Value;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Records a run's lineage in ML Metadata the way upstream's driver and launcher do (facts §10): contexts
 * {@code system.Pipeline} and {@code system.PipelineRun}, one execution per DAG, loop, iteration, container and
 * importer ({@code system.DAGExecution}, {@code system.ContainerExecution}, {@code system.ImporterExecution})
 * associated with both contexts, INPUT events when an execution is created, output artifacts typed by their
 * schema title with OUTPUT events when it is published. Each of those writes is one {@code PutExecution}; the ids
 * MLMD gives the contexts and executions go to the run's {@link MlmdIdsListener}.
 */
public final class MlmdLineageRecorder implements LineageRecorder {

    static final String PIPELINE_CONTEXT = "system.Pipeline";
    static final String RUN_CONTEXT = "system.PipelineRun";
    static final String DAG_EXECUTION = "system.DAGExecution";
    static final String CONTAINER_EXECUTION = "system.ContainerExecution";
    static final String IMPORTER_EXECUTION = "system.ImporterExecution";
    static final String CACHE_FINGERPRINT = "cache_fingerprint";
    static final String CACHED_EXECUTION_ID = "cached_execution_id";

    private final MlmdWriter writer;
    private final Map<String, RunIds> runs = new ConcurrentHashMap<>();
    private final Object contextsLock = new Object();

    public MlmdLineageRecorder(MlmdWriter writer) {
        this.writer = writer;
    }

    /** The MLMD ids of one run. */
    private static final class RunIds {
        final String runId;
        final List<Context> contexts;
        final MlmdIdsListener listener;
        final Map<String, Long> executions = new ConcurrentHashMap<>();
        final Map<String, Long> artifactsByUri = new ConcurrentHashMap<>();

        RunIds(String runId, List<Context> contexts, MlmdIdsListener listener) {
            this.runId = runId;
            this.contexts = contexts;
            this.listener = listener;
        }
    }

    @Override
    public void runStarted(RunInfo run) {
        Context pipeline = Context.newBuilder().setType(PIPELINE_CONTEXT).setName(run.pipelineName()).build();
        Context runContext = Context.newBuilder().setType(RUN_CONTEXT).setName(run.runId())
                .putCustomProperties("namespace", string(""))
                // upstream's driver writes this literal
                .putCustomProperties("resource_name", string("run-resource"))
                .putCustomProperties("pipeline_root", string(run.runRoot()))
                .putCustomProperties("store_session_info", string("{\"Provider\":\"local\"}"))
                .build();
        long pipelineId;
        long runContextId;
        // Runs start in parallel, and a writer may look a context up before creating it: two runs of one
        // pipeline must not both create its context.
        synchronized (contextsLock) {
            pipelineId = writer.putContext(pipeline);
            runContextId = writer.putContext(runContext);
            writer.putParentContext(runContextId, pipelineId);
        }
        runs.put(run.runId(), new RunIds(run.runId(), List.of(pipeline.toBuilder().setId(pipelineId).build(),
                runContext.toBuilder().setId(runContextId).build()), run.ids()));
        run.ids().contextsRecorded(pipelineId, runContextId);
    }

    /**
     * One {@code PutExecution} per write: when a task starts (the execution with its INPUT events) and when it ends
     * (state, outputs and OUTPUT events); a task first seen ended (a cache hit, or a start and end handed over
     * together) is both in one call.
     */
    @Override
    public void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint) {
        RunIds ids = runs.get(runId);
        if (ids == null || task.state() == TaskState.PENDING || task.state() == TaskState.UPSTREAM_FAILED) {
            return;
        }
        Long executionId = ids.executions.get(task.taskId());
        boolean ended = task.state().isTerminal();
        if (executionId == null && task.state() == TaskState.CANCELED) {
            return; // canceled before it started: upstream never created it
        }
        if (executionId != null && !ended) {
            return;
        }
        Execution.Builder execution = execution(task, ids, cacheFingerprint);
        if (task.state() == TaskState.CACHED && cacheFingerprint != null) {
            // as upstream's driver: the hit names the execution it reuses and outputs that one's artifacts
            writer.completedExecution(cacheFingerprint).ifPresent(reused -> {
                execution.putCustomProperties(CACHED_EXECUTION_ID, string(Long.toString(reused.executionId())));
                reused.outputArtifactIdsByUri().forEach(ids.artifactsByUri::putIfAbsent);
            });
        }
        ArtifactEvents events = new ArtifactEvents(ids.artifactsByUri, MlmdLineageRecorder::artifact);
        if (executionId == null) {
            task.inputArtifacts().forEach((name, artifacts) -> artifacts
                    .forEach(a -> events.add(a, name, Event.Type.INPUT)));
        } else {
            execution.setId(executionId);
        }
        if (ended && task.state().hasOutputs()) {
            execution.putCustomProperties("outputs", Value.newBuilder()
                    .setStructValue(Struct.newBuilder().putAllFields(task.outputParameters())).build());
            if (task.kind() == TaskKind.CONTAINER || task.kind() == TaskKind.IMPORTER) {
                task.outputArtifacts().forEach((name, artifacts) -> artifacts
                        .forEach(a -> events.add(a, name, Event.Type.OUTPUT)));
            }
        }
        PutExecutionResponse written = writer.putExecution(PutExecutionRequest.newBuilder().setExecution(execution)
                .addAllArtifactEventPairs(events.pairs()).addAllContexts(ids.contexts).build());
        events.created(written.getArtifactIdsList());
        List<PutExecutionRequest.ArtifactAndEvent> later = events.deferred();
        if (!later.isEmpty()) {
            writer.putExecution(PutExecutionRequest.newBuilder()
                    .setExecution(execution.setId(written.getExecutionId())).addAllArtifactEventPairs(later)
                    .addAllContexts(ids.contexts).build());
        }
        if (executionId == null) {
            ids.executions.put(task.taskId(), written.getExecutionId());
            ids.listener.executionRecorded(task.taskId(), written.getExecutionId());
        }
    }

    private Execution.Builder execution(TaskSnapshot task, RunIds ids, String cacheFingerprint) {
        String type = switch (task.kind()) {
            case CONTAINER -> CONTAINER_EXECUTION;
            case IMPORTER -> IMPORTER_EXECUTION;
            default -> DAG_EXECUTION;
        };
        Execution.Builder execution = Execution.newBuilder().setType(type)
                .setLastKnownState(Execution.State.valueOf(task.state().mlmdState()))
                .putCustomProperties("display_name", string(task.displayName()))
                .putCustomProperties("task_name", string(task.taskName()))
                .putCustomProperties("inputs", Value.newBuilder()
                        .setStructValue(Struct.newBuilder().putAllFields(task.inputParameters())).build());
        if (task.parentId() == null) {
            execution.setName("run/" + ids.runId);
        } else {
            Long parent = ids.executions.get(task.parentId());
            if (parent != null) {
                execution.putCustomProperties("parent_dag_id", Value.newBuilder().setIntValue(parent).build());
            }
        }
        if (task.iterationIndex() >= 0) {
            execution.putCustomProperties("iteration_index", Value.newBuilder().setIntValue(task.iterationIndex()).build());
        }
        if (task.iterationCount() >= 0) {
            execution.putCustomProperties("iteration_count", Value.newBuilder().setIntValue(task.iterationCount()).build());
        }
        if (task.kind() == TaskKind.CONTAINER) {
            // upstream always writes an empty image; pod facts have no local meaning
            execution.putCustomProperties("image", string(""))
                    .putCustomProperties("pod_name", string(""))
                    .putCustomProperties("pod_uid", string(""))
                    .putCustomProperties("namespace", string(""));
            if (cacheFingerprint != null) {
                execution.putCustomProperties(CACHE_FINGERPRINT, string(cacheFingerprint));
            }
        }
        return execution;
    }

    /** An artifact seen for the first time, LIVE, typed by its schema title, named by the input or output. */
    private static Artifact artifact(RuntimeArtifact artifact, String name) {
        Artifact.Builder mlmd = Artifact.newBuilder().setUri(artifact.getUri()).setState(Artifact.State.LIVE)
                .setType(artifact.getType().getSchemaTitle().isEmpty() ? "system.Artifact"
                        : artifact.getType().getSchemaTitle())
                .putCustomProperties("display_name", string(name));
        artifact.getMetadata().getFieldsMap().forEach((k, v) -> mlmd.putCustomProperties(k, metadataValue(v)));
        return mlmd.build();
    }

    /** Artifact metadata as upstream converts it: numbers double, bools 0/1, lists and dicts as structs. */
    static Value metadataValue(com.google.protobuf.Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> string(value.getStringValue());
            case NUMBER_VALUE -> Value.newBuilder().setDoubleValue(value.getNumberValue()).build();
            case BOOL_VALUE -> Value.newBuilder().setIntValue(value.getBoolValue() ? 1 : 0).build();
            case LIST_VALUE -> Value.newBuilder().setStructValue(Struct.newBuilder().putFields("list", value)).build();
            case STRUCT_VALUE -> Value.newBuilder().setStructValue(Struct.newBuilder().putFields("struct", value))
                    .build();
            default -> string("");
        };
    }

    private static Value string(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    @Override
    public void runFinished(String runId, RunState state) {
        runs.remove(runId);
    }
}

package dev.quarkflow.pipelineengine.lineage;

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
import dev.quarkflow.proto.mlmd.Value;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Records a run's lineage in ML Metadata the way upstream's driver and launcher do (facts §10): contexts
 * {@code system.Pipeline} and {@code system.PipelineRun}, one execution per DAG, loop, iteration, container and
 * importer ({@code system.DAGExecution}, {@code system.ContainerExecution}, {@code system.ImporterExecution})
 * associated with both contexts, INPUT events when an execution is created, output artifacts typed by their
 * schema title with OUTPUT events when it is published.
 */
public final class MlmdLineageRecorder implements LineageRecorder {

    static final String PIPELINE_CONTEXT = "system.Pipeline";
    static final String RUN_CONTEXT = "system.PipelineRun";
    static final String DAG_EXECUTION = "system.DAGExecution";
    static final String CONTAINER_EXECUTION = "system.ContainerExecution";
    static final String IMPORTER_EXECUTION = "system.ImporterExecution";

    private final MlmdWriter writer;
    private final Map<String, RunIds> runs = new ConcurrentHashMap<>();

    public MlmdLineageRecorder(MlmdWriter writer) {
        this.writer = writer;
    }

    /** The MLMD ids of one run. */
    private static final class RunIds {
        final String runId;
        final long pipelineContext;
        final long runContext;
        final Map<String, Long> executions = new ConcurrentHashMap<>();
        final Map<String, Long> artifactsByUri = new ConcurrentHashMap<>();

        RunIds(String runId, long pipelineContext, long runContext) {
            this.runId = runId;
            this.pipelineContext = pipelineContext;
            this.runContext = runContext;
        }
    }

    @Override
    public void runStarted(RunInfo run) {
        long pipeline = writer.putContext(Context.newBuilder().setType(PIPELINE_CONTEXT).setName(run.pipelineName())
                .build());
        long runContext = writer.putContext(Context.newBuilder().setType(RUN_CONTEXT).setName(run.runId())
                .putCustomProperties("namespace", string(""))
                // upstream's driver writes this literal
                .putCustomProperties("resource_name", string("run-resource"))
                .putCustomProperties("pipeline_root", string(run.runRoot()))
                .putCustomProperties("store_session_info", string("{\"Provider\":\"local\"}"))
                .build());
        writer.putParentContext(runContext, pipeline);
        runs.put(run.runId(), new RunIds(run.runId(), pipeline, runContext));
    }

    @Override
    public void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint) {
        RunIds ids = runs.get(runId);
        if (ids == null || task.state() == TaskState.PENDING || task.state() == TaskState.UPSTREAM_FAILED) {
            return;
        }
        Long executionId = ids.executions.get(task.taskId());
        if (executionId == null) {
            if (task.state() == TaskState.CANCELED) {
                return; // canceled before it started: upstream never created it
            }
            executionId = writer.putExecution(execution(task, ids, cacheFingerprint).build());
            ids.executions.put(task.taskId(), executionId);
            writer.putAssociation(executionId, ids.pipelineContext);
            writer.putAssociation(executionId, ids.runContext);
            long id = executionId;
            task.inputArtifacts().forEach((name, artifacts) -> artifacts
                    .forEach(a -> event(id, artifactId(ids, a, name), name, Event.Type.INPUT)));
            if (!task.state().isTerminal()) {
                return;
            }
        }
        if (task.state().isTerminal()) {
            publish(ids, executionId, task, cacheFingerprint);
        }
    }

    private void publish(RunIds ids, long executionId, TaskSnapshot task, String cacheFingerprint) {
        Execution.Builder execution = execution(task, ids, cacheFingerprint).setId(executionId);
        if (task.state().hasOutputs()) {
            Struct.Builder outputs = Struct.newBuilder().putAllFields(task.outputParameters());
            execution.putCustomProperties("outputs", Value.newBuilder().setStructValue(outputs).build());
        }
        writer.putExecution(execution.build());
        if (task.state().hasOutputs() && (task.kind() == TaskKind.CONTAINER || task.kind() == TaskKind.IMPORTER)) {
            task.outputArtifacts().forEach((name, artifacts) -> artifacts
                    .forEach(a -> event(executionId, artifactId(ids, a, name), name, Event.Type.OUTPUT)));
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
                execution.putCustomProperties("cache_fingerprint", string(cacheFingerprint));
            }
        }
        return execution;
    }

    /** The MLMD id of an artifact, created (LIVE, attributed to the run) the first time its URI is seen. */
    private long artifactId(RunIds ids, RuntimeArtifact artifact, String outputName) {
        return ids.artifactsByUri.computeIfAbsent(artifact.getUri(), uri -> {
            Artifact.Builder mlmd = Artifact.newBuilder().setUri(uri).setState(Artifact.State.LIVE)
                    .setType(artifact.getType().getSchemaTitle().isEmpty() ? "system.Artifact"
                            : artifact.getType().getSchemaTitle())
                    .putCustomProperties("display_name", string(outputName));
            artifact.getMetadata().getFieldsMap().forEach((k, v) -> mlmd.putCustomProperties(k, metadataValue(v)));
            long id = writer.putArtifact(mlmd.build());
            writer.putAttribution(id, ids.pipelineContext);
            writer.putAttribution(id, ids.runContext);
            return id;
        });
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

    private void event(long executionId, long artifactId, String key, Event.Type type) {
        writer.putEvent(Event.newBuilder().setExecutionId(executionId).setArtifactId(artifactId).setType(type)
                .setPath(Event.Path.newBuilder().addSteps(Event.Path.Step.newBuilder().setKey(key))).build());
    }

    private static Value string(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    @Override
    public void runFinished(String runId, RunState state) {
        runs.remove(runId);
    }
}

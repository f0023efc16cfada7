package dev.quarkflow.pipelineengine.domain;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * A task of a run as it is now: identity, state, resolved inputs and produced outputs.
 *
 * @param taskId unique path within the run, e.g. {@code for-loop-1/iteration-0/print-op}; {@code root} for the
 *        root DAG
 * @param parentId the enclosing DAG, loop or iteration ({@code null} for the root)
 * @param taskName the task key in its DAG
 * @param displayName {@code taskInfo.name}
 * @param taskUuid a stable UUID for {@code {{$.pipeline_task_uuid}}}
 * @param attempt 1 for the first try, incremented on each retry (containers only)
 * @param iterationIndex the index of an iteration, -1 otherwise
 * @param iterationCount the number of iterations of a loop, -1 otherwise
 * @param error why the task failed or was not run, {@code null} otherwise
 * @param executionId the ML Metadata id of the task's execution once lineage recorded it, {@code null} before (and
 *        without lineage)
 */
public record TaskSnapshot(String taskId, String parentId, String taskName, String displayName, String taskUuid,
        TaskKind kind, String componentName, String executorLabel, TaskState state, int attempt,
        int iterationIndex, int iterationCount, Map<String, Value> inputParameters,
        Map<String, List<RuntimeArtifact>> inputArtifacts, Map<String, Value> outputParameters,
        Map<String, List<RuntimeArtifact>> outputArtifacts, String error, Long executionId) {

    public TaskSnapshot {
        inputParameters = Map.copyOf(inputParameters);
        inputArtifacts = Map.copyOf(inputArtifacts);
        outputParameters = Map.copyOf(outputParameters);
        outputArtifacts = Map.copyOf(outputArtifacts);
    }

    /** A snapshot without an MLMD execution id (what the interpreter knows). */
    public TaskSnapshot(String taskId, String parentId, String taskName, String displayName, String taskUuid,
            TaskKind kind, String componentName, String executorLabel, TaskState state, int attempt,
            int iterationIndex, int iterationCount, Map<String, Value> inputParameters,
            Map<String, List<RuntimeArtifact>> inputArtifacts, Map<String, Value> outputParameters,
            Map<String, List<RuntimeArtifact>> outputArtifacts, String error) {
        this(taskId, parentId, taskName, displayName, taskUuid, kind, componentName, executorLabel, state, attempt,
                iterationIndex, iterationCount, inputParameters, inputArtifacts, outputParameters, outputArtifacts,
                error, null);
    }

    /** This snapshot with the MLMD id of its execution. */
    public TaskSnapshot withExecutionId(Long id) {
        return new TaskSnapshot(taskId, parentId, taskName, displayName, taskUuid, kind, componentName,
                executorLabel, state, attempt, iterationIndex, iterationCount, inputParameters, inputArtifacts,
                outputParameters, outputArtifacts, error, id);
    }
}

package dev.quarkflow.apiserver.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import com.google.rpc.Status;

import dev.quarkflow.apiserver.backend.OutputArtifact;
import dev.quarkflow.pipelineengine.api.RunLineage;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.proto.kfp.v2beta1.PipelineTaskDetail;
import dev.quarkflow.proto.kfp.v2beta1.RunDetails;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeStatus;

/**
 * The engine's task snapshots → upstream's {@code run_details.task_details}: one entry per task (DAG, loop,
 * iteration, container, importer), parents before children, {@code task_id} = the task's UUID, parents and
 * children linked by those ids, {@code execution_id} and the run's context ids once lineage recorded them. Pure.
 */
final class TaskDetails {

    private TaskDetails() {
    }

    /** @param lineage the run's MLMD contexts, {@code null} until (or without) lineage */
    static RunDetails of(String runId, List<TaskSnapshot> tasks, Map<String, TaskTimeline> timelines,
            RunLineage lineage) {
        Map<String, String> uuidByTaskId = new HashMap<>();
        tasks.forEach(t -> uuidByTaskId.put(t.taskId(), t.taskUuid()));
        RunDetails.Builder details = RunDetails.newBuilder();
        if (lineage != null) {
            details.setPipelineContextId(lineage.pipelineContextId())
                    .setPipelineRunContextId(lineage.runContextId());
        }
        for (TaskSnapshot task : tasks) {
            PipelineTaskDetail.Builder detail = PipelineTaskDetail.newBuilder()
                    .setRunId(runId)
                    .setTaskId(task.taskUuid())
                    .setDisplayName(displayName(task))
                    .setState(task.state().runtimeState());
            if (task.parentId() != null && uuidByTaskId.containsKey(task.parentId())) {
                detail.setParentTaskId(uuidByTaskId.get(task.parentId()));
            }
            if (task.executionId() != null) {
                detail.setExecutionId(task.executionId());
            }
            if (task.error() != null && task.state().isFailure()) {
                detail.setError(error(task.error()));
            }
            TaskTimeline timeline = timelines.get(task.taskId());
            if (timeline != null) {
                detail.setCreateTime(timestamp(timeline.created()));
                if (timeline.started() != null) {
                    detail.setStartTime(timestamp(timeline.started()));
                }
                if (timeline.ended() != null) {
                    detail.setEndTime(timestamp(timeline.ended()));
                }
                timeline.changes().forEach(c -> detail.addStateHistory(RuntimeStatus.newBuilder()
                        .setUpdateTime(timestamp(c.at())).setState(c.state().runtimeState())));
            }
            tasks.stream().filter(child -> task.taskId().equals(child.parentId()))
                    .forEach(child -> detail.addChildTasks(PipelineTaskDetail.ChildTask.newBuilder()
                            .setTaskId(child.taskUuid())));
            details.addTaskDetails(detail);
        }
        return details.build();
    }

    /**
     * Every output artifact with a URI of every task, tasks in the given order, outputs by name, each output's
     * artifacts in their order (DAG outputs name their producers' artifacts, cache hits the cached ones).
     */
    static List<OutputArtifact> artifacts(List<TaskSnapshot> tasks) {
        List<OutputArtifact> artifacts = new ArrayList<>();
        for (TaskSnapshot task : tasks) {
            new TreeMap<>(task.outputArtifacts()).forEach((name, list) -> list.stream()
                    .filter(a -> !a.getUri().isEmpty())
                    .forEach(a -> artifacts.add(new OutputArtifact(task.taskUuid(), task.taskId(), name, a.getUri()))));
        }
        return List.copyOf(artifacts);
    }

    /** The name upstream's UI shows: {@code taskInfo.name}, else the task key, else its id. */
    static String displayName(TaskSnapshot task) {
        String name = task.displayName() == null || task.displayName().isEmpty() ? task.taskName()
                : task.displayName();
        if (name == null || name.isEmpty()) {
            name = task.taskId();
        }
        return name;
    }

    static Status error(String message) {
        return Status.newBuilder().setCode(Code.UNKNOWN_VALUE).setMessage(message).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }
}

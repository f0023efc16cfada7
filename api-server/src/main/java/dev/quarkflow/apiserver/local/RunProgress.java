package dev.quarkflow.apiserver.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quarkflow.apiserver.backend.OutputArtifact;
import dev.quarkflow.pipelineengine.api.RunLineage;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.proto.kfp.v2beta1.RunDetails;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;

/**
 * What one API run looks like now, as the engine reports it: run state, error, task snapshots and their
 * timelines, and the run's ML Metadata context ids. The engine's callbacks only record and signal {@code changed}; the
 * backend's reporter thread reads a
 * consistent {@link View} and persists it.
 */
final class RunProgress implements RunListener {

    /**
     * A consistent picture of the run for the API.
     *
     * @param artifacts the tasks' output artifacts when they changed since the previous view, empty otherwise
     */
    record View(RuntimeState state, Optional<String> error, RunDetails details,
            Optional<List<OutputArtifact>> artifacts) {
    }

    private final String apiRunId;
    private final Clock clock;
    private final Runnable changed;
    private final AtomicBoolean dirty = new AtomicBoolean();
    // Guarded by this.
    private RunState state = RunState.PENDING;
    private String error;
    private boolean cancelRequested;
    private final Map<String, TaskSnapshot> tasks = new LinkedHashMap<>();
    private final Map<String, TaskTimeline> timelines = new LinkedHashMap<>();
    private RunLineage lineage;
    private List<OutputArtifact> viewedArtifacts = List.of();

    RunProgress(String apiRunId, Clock clock, Runnable changed) {
        this.apiRunId = apiRunId;
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public void onRunStateChanged(String runId, RunState newState, String newError) {
        synchronized (this) {
            state = newState;
            error = newError;
        }
        signal();
    }

    @Override
    public void onTaskChanged(String runId, TaskSnapshot task) {
        synchronized (this) {
            tasks.put(task.taskId(), task);
            TaskTimeline timeline = timelines.get(task.taskId());
            timelines.put(task.taskId(), timeline == null ? TaskTimeline.first(clock.instant(), task.state())
                    : timeline.next(clock.instant(), task.state()));
        }
        signal();
    }

    @Override
    public void onLineageRecorded(String runId, RunLineage ids) {
        synchronized (this) {
            lineage = ids;
        }
        signal();
    }

    synchronized void cancelRequested() {
        cancelRequested = true;
    }

    synchronized boolean isTerminal() {
        return state.isTerminal();
    }

    /** True once per burst of changes: the caller then reads {@link #view()} and persists it. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    synchronized View view() {
        RuntimeState apiState = state == RunState.RUNNING && cancelRequested ? RuntimeState.CANCELING
                : state.runtimeState();
        RunDetails details = TaskDetails.of(apiRunId, new ArrayList<>(tasks.values()), Map.copyOf(timelines),
                lineage);
        List<OutputArtifact> artifacts = TaskDetails.artifacts(new ArrayList<>(tasks.values()));
        Optional<List<OutputArtifact>> changedArtifacts = artifacts.equals(viewedArtifacts) ? Optional.empty()
                : Optional.of(artifacts);
        viewedArtifacts = artifacts;
        return new View(apiState, state == RunState.FAILED ? Optional.ofNullable(error) : Optional.empty(), details,
                changedArtifacts);
    }

    /** The engine task id (path) of a task known by its task id in the API (UUID) or by its path. */
    synchronized Optional<String> engineTaskId(String apiTaskId) {
        return tasks.values().stream().filter(t -> t.taskUuid().equals(apiTaskId) || t.taskId().equals(apiTaskId))
                .map(TaskSnapshot::taskId).findFirst();
    }

    synchronized List<TaskSnapshot> tasks() {
        return List.copyOf(tasks.values());
    }

    private void signal() {
        if (!dirty.getAndSet(true)) {
            changed.run();
        }
    }
}

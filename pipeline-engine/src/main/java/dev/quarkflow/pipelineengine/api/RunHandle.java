package dev.quarkflow.pipelineengine.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;

/** A started run. Thread-safe. */
public interface RunHandle {

    String runId();

    RunState state();

    Optional<String> error();

    /** Every task so far, parents before children. */
    List<TaskSnapshot> tasks();

    /** The logs of a container task, if it ran. */
    Optional<TaskLogs> logs(String taskId);

    /** Requests cancellation: nothing new starts, running processes are killed; the run ends CANCELED. */
    void cancel();

    /** Completes with the final state once the run ended. */
    CompletableFuture<RunState> completion();

    /** The run's ML Metadata contexts, once lineage recorded them. */
    Optional<RunLineage> lineage();

    /**
     * Completes once the run ended and its lineage recorder has been through all of it (lineage is written off
     * the scheduler thread, so it may finish after {@link #completion()}); at once without lineage.
     */
    CompletableFuture<Void> lineageRecorded();
}

package dev.quarkflow.pipelineengine.api;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;

/**
 * Callbacks of one run, called in order on the engine's scheduler thread: they must return quickly (store the
 * change, hand it to another thread) and must not call back into the engine synchronously and wait.
 */
public interface RunListener {

    /** The run changed state; {@code error} is set when it ends FAILED. */
    default void onRunStateChanged(String runId, RunState state, String error) {
    }

    /**
     * A task was created, changed state, got a new attempt or its outputs, or lineage recorded its execution
     * ({@link TaskSnapshot#executionId()}, which can arrive after the task ended and even after the run ended).
     */
    default void onTaskChanged(String runId, TaskSnapshot task) {
    }

    /** Lineage recorded the run's ML Metadata contexts (possibly after tasks started). */
    default void onLineageRecorded(String runId, RunLineage lineage) {
    }

    RunListener NONE = new RunListener() {
    };
}

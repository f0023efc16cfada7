package dev.quarkflow.pipelineengine.domain;

import java.time.Duration;

/**
 * What the {@link RunInterpreter} asks its backend to do (or tells it happened) after each event. The
 * interpreter itself runs nothing and waits for nothing.
 */
public sealed interface EngineCommand {

    /** Start this container task (or serve it from the cache) and report back with its result. */
    record LaunchExecutor(ExecutorTask task) implements EngineCommand {
    }

    /** Call {@link RunInterpreter#onRetryDue(String)} for this task after the delay. */
    record ScheduleRetry(String taskId, int nextAttempt, Duration delay) implements EngineCommand {
    }

    /** Stop the running process of this task and report it {@code CANCELED}. */
    record StopExecutor(String taskId) implements EngineCommand {
    }

    /** A task changed state (or attempt, or outputs). */
    record TaskChanged(TaskSnapshot task) implements EngineCommand {
    }

    /** The run changed state; {@code error} says why it failed. */
    record RunChanged(RunState state, String error) implements EngineCommand {
    }
}

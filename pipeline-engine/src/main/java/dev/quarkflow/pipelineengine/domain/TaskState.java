package dev.quarkflow.pipelineengine.domain;

import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;

/**
 * The state of one task (container, importer, DAG, loop or loop iteration) of a run, with the mappings to
 * what upstream reports: the v2beta1 API {@link RuntimeState} and the MLMD execution state.
 */
public enum TaskState {
    /** Waiting for its dependencies (or a free slot of its loop's parallelism). */
    PENDING,
    RUNNING,
    SUCCEEDED,
    /** Reused a cached execution; upstream's API shows SKIPPED, MLMD shows CACHED. */
    CACHED,
    /** Its trigger condition was false (or it had nothing to consume from a skipped branch). */
    SKIPPED,
    FAILED,
    CANCELED,
    /** Not run because a dependency did not succeed; Argo's "Omitted", no API state upstream. */
    UPSTREAM_FAILED;

    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }

    /** Whether a task in this state produced (or reused) its outputs. */
    public boolean hasOutputs() {
        return this == SUCCEEDED || this == CACHED;
    }

    public boolean isFailure() {
        return this == FAILED || this == UPSTREAM_FAILED;
    }

    /** The state {@code PipelineTaskDetail.state} carries for this task (facts §12). */
    public RuntimeState runtimeState() {
        return switch (this) {
            case PENDING -> RuntimeState.PENDING;
            case RUNNING -> RuntimeState.RUNNING;
            case SUCCEEDED -> RuntimeState.SUCCEEDED;
            case CACHED, SKIPPED -> RuntimeState.SKIPPED;
            case FAILED -> RuntimeState.FAILED;
            case CANCELED -> RuntimeState.CANCELED;
            case UPSTREAM_FAILED -> RuntimeState.RUNTIME_STATE_UNSPECIFIED;
        };
    }

    /** The MLMD {@code Execution.State} name upstream's driver/launcher writes for this task. */
    public String mlmdState() {
        return switch (this) {
            case PENDING -> "NEW";
            case RUNNING -> "RUNNING";
            case SUCCEEDED -> "COMPLETE";
            case CACHED -> "CACHED";
            case SKIPPED, CANCELED -> "CANCELED";
            case FAILED, UPSTREAM_FAILED -> "FAILED";
        };
    }
}

package dev.quarkflow.pipelineengine.domain;

import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;

/** The state of a whole run; names and meaning as upstream's v2beta1 {@link RuntimeState}. */
public enum RunState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELING,
    CANCELED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    public RuntimeState runtimeState() {
        return RuntimeState.valueOf(name());
    }
}

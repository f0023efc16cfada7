package dev.quarkflow.katib.suggestion.domain;

/** Katib's trial conditions as the controller sends them (a trial without condition reads as CREATED). */
public enum TrialState {
    CREATED,
    RUNNING,
    SUCCEEDED,
    KILLED,
    FAILED,
    METRICSUNAVAILABLE,
    EARLYSTOPPED,
    UNKNOWN;

    /** Still being evaluated: its point is taken, its value not yet known. */
    public boolean pending() {
        return this == CREATED || this == RUNNING;
    }

    /** Finished with a value the history-based algorithms learn from (upstream tells both). */
    public boolean finished() {
        return this == SUCCEEDED || this == EARLYSTOPPED;
    }
}

package dev.quarkflow.katib.suggestion.domain;

/** Katib's sampling distributions; an unspecified distribution means {@link #UNIFORM}, as in every upstream service. */
public enum Scale {
    UNIFORM,
    LOG_UNIFORM,
    NORMAL,
    LOG_NORMAL;

    public boolean logarithmic() {
        return this == LOG_UNIFORM || this == LOG_NORMAL;
    }

    public boolean normal() {
        return this == NORMAL || this == LOG_NORMAL;
    }
}

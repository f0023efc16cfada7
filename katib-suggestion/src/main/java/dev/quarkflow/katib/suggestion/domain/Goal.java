package dev.quarkflow.katib.suggestion.domain;

/** The objective's direction; losses are always minimised, so MAXIMIZE negates. */
public enum Goal {
    MINIMIZE,
    MAXIMIZE;

    public double loss(double objective) {
        return this == MAXIMIZE ? -objective : objective;
    }
}

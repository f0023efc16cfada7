package dev.quarkflow.katib.suggestion.domain;

/** Katib's parameter types (proto {@code ParameterType} without UNKNOWN_TYPE). */
public enum ParameterKind {
    DOUBLE,
    INT,
    DISCRETE,
    CATEGORICAL
}

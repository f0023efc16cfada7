package dev.quarkflow.katib.controller.engine;

/** One reason an Experiment is refused, naming the field as upstream's webhook does ({@code spec.maxTrialCount}). */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}

package dev.quarkflow.training.engine;

/** One validation failure: the field path and what is wrong with it. */
public record FieldError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

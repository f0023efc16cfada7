package dev.quarkflow.apiserver.spec;

/** One problem in a pipeline spec, at a dotted path such as {@code root.dag.tasks.train.inputs.parameters.lr}. */
public record FieldError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

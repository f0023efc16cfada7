package dev.quarkflow.katib.controller.model;

/** One parameter's value for a trial, as a string (upstream's wire form). */
public class ParameterAssignment extends Extensible {
    public String name;
    public String value;

    public ParameterAssignment() {
    }

    public ParameterAssignment(String name, String value) {
        this.name = name;
        this.value = value;
    }
}

package dev.quarkflow.katib.controller.model;

/** A rule from the early-stopping service: stop the trial when metric {@code name} compares to {@code value}. */
public class EarlyStoppingRule extends Extensible {
    public String name;
    public String value;
    public String comparison;
    public Integer startStep;
}

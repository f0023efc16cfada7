package dev.quarkflow.katib.controller.model;

/** A rule from the early-stopping service: stop the trial when metric {@code name} compares to {@code value}. */
public class EarlyStoppingRule extends Extensible {
    public String name;
    public String value;
    public String comparison;
    public Integer startStep;

    public EarlyStoppingRule() {
    }

    public EarlyStoppingRule(String name, String value, String comparison, Integer startStep) {
        this.name = name;
        this.value = value;
        this.comparison = comparison;
        this.startStep = startStep;
    }
}

package dev.quarkflow.katib.controller.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A status condition as Katib writes it (Experiment, Suggestion and Trial share the shape). */
public class Condition extends Extensible {
    public static final String TRUE = "True";
    public static final String FALSE = "False";

    public String type;
    public String status;
    public String reason;
    public String message;
    public String lastUpdateTime;
    public String lastTransitionTime;

    public Condition() {
    }

    public Condition(String type, String status, String reason, String message, String now) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.lastUpdateTime = now;
        this.lastTransitionTime = now;
    }

    @JsonIgnore
    public boolean isTrue() {
        return TRUE.equals(status);
    }
}

package dev.quarkflow.katib.suggestion.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One suggested trial: its assignments in parameter order, and optionally its name and labels (PBT names its
 * trials and keeps its bookkeeping in labels; others leave both empty and the controller names the trial).
 */
public record Suggestion(String trialName, Map<String, String> assignments, Map<String, String> labels) {

    public Suggestion {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public static Suggestion of(Map<String, String> assignments) {
        return new Suggestion("", assignments, Map.of());
    }
}

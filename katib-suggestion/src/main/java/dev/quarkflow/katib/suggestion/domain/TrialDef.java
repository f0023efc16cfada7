package dev.quarkflow.katib.suggestion.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** One trial as the controller sends it: assignments, labels, condition, times and observed metric values. */
public record TrialDef(String name, Map<String, String> assignments, Map<String, String> labels, TrialState state,
        String startTime, String completionTime, Map<String, String> metrics) {

    public TrialDef {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        labels = Map.copyOf(labels);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The metric's value when it is a finite number ("unavailable" and blanks read as absent). */
    public OptionalDouble metric(String metricName) {
        String value = metrics.get(metricName);
        if (value == null || value.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}

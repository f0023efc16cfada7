package dev.quarkflow.katib.suggestion.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.quarkflow.common.error.QuarkflowException;

/** Algorithm (or early-stopping) settings by name, in the order sent; a repeated name keeps its last value. */
public record Settings(Map<String, String> values) {

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public static Settings of(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Settings(map);
    }

    /** The value when set and not blank. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public Settings with(String name, String value) {
        Map<String, String> map = new LinkedHashMap<>(values);
        map.put(name, value);
        return new Settings(map);
    }

    public int intValue(String name, int defaultValue) {
        return get(name).map(v -> parseInt(name, v)).orElse(defaultValue);
    }

    public double doubleValue(String name, double defaultValue) {
        return get(name).map(v -> parseDouble(name, v)).orElse(defaultValue);
    }

    public String stringValue(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /** {@code random_state} when set: results are then reproducible. */
    public Optional<Long> randomState() {
        return get(SettingRules.RANDOM_STATE).map(v -> (long) parseInt(SettingRules.RANDOM_STATE, v));
    }

    static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument(field(name),
                    "failed to validate " + name + "(" + value + "): not an integer");
        }
    }

    static double parseDouble(String name, String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument(field(name),
                    "failed to validate " + name + "(" + value + "): not a number");
        }
    }

    public static String field(String name) {
        return "algorithm.algorithm_settings[" + name + "]";
    }
}

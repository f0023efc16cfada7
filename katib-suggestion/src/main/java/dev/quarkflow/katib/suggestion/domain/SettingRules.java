package dev.quarkflow.katib.suggestion.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.quarkflow.common.error.QuarkflowException;

/**
 * The settings an algorithm accepts and the rule each value must meet; anything else is rejected by name.
 *
 * <pre>{@code
 * SettingRules.forAlgorithm("tpe").doubleIn("gamma", 0, 1, false, "gamma should be in the range of (0, 1)")
 *         .randomState().validate(settings);
 * }</pre>
 */
public final class SettingRules {

    public static final String RANDOM_STATE = "random_state";

    private final String algorithm;
    private final Map<String, Consumer<String>> rules = new LinkedHashMap<>();
    private boolean acceptUnknown;

    private SettingRules(String algorithm) {
        this.algorithm = algorithm;
    }

    public static SettingRules forAlgorithm(String algorithm) {
        return new SettingRules(algorithm);
    }

    /** An integer setting with an inclusive lower bound. */
    public SettingRules intAtLeast(String name, int min, String message) {
        rules.put(name, value -> require(name, Settings.parseInt(name, value) >= min, message));
        return this;
    }

    /** A number setting in a range; {@code inclusive} says whether both ends are allowed. */
    public SettingRules doubleIn(String name, double min, double max, boolean inclusive, String message) {
        rules.put(name, value -> {
            double parsed = Settings.parseDouble(name, value);
            boolean ok = inclusive ? parsed >= min && parsed <= max : parsed > min && parsed < max;
            require(name, ok, message);
        });
        return this;
    }

    /** A number setting with a lower bound, exclusive or inclusive. */
    public SettingRules doubleAbove(String name, double min, boolean inclusive, String message) {
        rules.put(name, value -> {
            double parsed = Settings.parseDouble(name, value);
            require(name, inclusive ? parsed >= min : parsed > min, message);
        });
        return this;
    }

    public SettingRules oneOf(String name, Set<String> allowed) {
        rules.put(name, value -> require(name, allowed.contains(value),
                name + " should be one of " + allowed.stream().sorted().toList() + ", not " + value));
        return this;
    }

    /** A setting whose value is checked elsewhere (or free text). */
    public SettingRules any(String name) {
        rules.put(name, value -> {
        });
        return this;
    }

    /** {@code random_state}: an integer ≥ 0, as every upstream service requires. */
    public SettingRules randomState() {
        return intAtLeast(RANDOM_STATE, 0, "random_state should be great or equal than zero");
    }

    /** Let names outside the rules pass (DARTS hands unknown settings through to its trials). */
    public SettingRules acceptUnknownNames() {
        acceptUnknown = true;
        return this;
    }

    public void validate(Settings settings) {
        settings.values().forEach((name, value) -> {
            Consumer<String> rule = rules.get(name);
            if (rule == null) {
                if (!acceptUnknown) {
                    throw QuarkflowException.invalidArgument(Settings.field(name),
                            "unknown setting " + name + " for algorithm " + algorithm);
                }
                return;
            }
            if (value == null || value.isBlank()) {
                throw QuarkflowException.invalidArgument(Settings.field(name), name + " has no value");
            }
            rule.accept(value.trim());
        });
    }

    private static void require(String name, boolean ok, String message) {
        if (!ok) {
            throw QuarkflowException.invalidArgument(Settings.field(name), message);
        }
    }
}

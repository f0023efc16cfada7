package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

/**
 * One search-space parameter as Katib sends it: bounds and step are strings, lists hold values as strings.
 * Empty strings mean "not set".
 */
public record ParameterDef(String name, ParameterKind kind, String min, String max, String step, List<String> list,
        Scale scale) {

    public ParameterDef {
        list = List.copyOf(list);
    }

    public static ParameterDef range(String name, ParameterKind kind, String min, String max) {
        return new ParameterDef(name, kind, min, max, "", List.of(), Scale.UNIFORM);
    }

    public static ParameterDef choice(String name, ParameterKind kind, String... values) {
        return new ParameterDef(name, kind, "", "", "", List.of(values), Scale.UNIFORM);
    }

    public ParameterDef withStep(String newStep) {
        return new ParameterDef(name, kind, min, max, newStep, list, scale);
    }

    public ParameterDef withScale(Scale newScale) {
        return new ParameterDef(name, kind, min, max, step, list, newScale);
    }

    public boolean numericRange() {
        return kind == ParameterKind.DOUBLE || kind == ParameterKind.INT;
    }
}

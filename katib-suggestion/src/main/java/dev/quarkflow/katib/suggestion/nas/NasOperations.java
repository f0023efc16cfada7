package dev.quarkflow.katib.suggestion.nas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.NasConfig;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;

/** The NAS config's operations: upstream's validate_operations, and ENAS's expansion into operation ids. */
public final class NasOperations {

    static final String FIELD = "experiment.spec.nas_config";

    private NasOperations() {
    }

    public static NasConfig require(ExperimentDef experiment) {
        if (experiment.nas() == null) {
            throw QuarkflowException.invalidArgument(FIELD, "algorithm " + experiment.algorithmName()
                    + " needs a nas_config");
        }
        return experiment.nas();
    }

    public static void validate(List<NasConfig.Operation> operations) {
        for (int o = 0; o < operations.size(); o++) {
            NasConfig.Operation op = operations.get(o);
            String field = FIELD + ".operations.operation[" + o + "]";
            if (op.operationType() == null || op.operationType().isBlank()) {
                throw QuarkflowException.invalidArgument(field + ".operation_type",
                        "Missing operationType in Operation");
            }
            if (op.parameters().isEmpty()) {
                throw QuarkflowException.invalidArgument(field + ".parameter_specs",
                        "Missing ParameterConfigs in Operation " + op.operationType());
            }
            for (int p = 0; p < op.parameters().size(); p++) {
                validate(op.parameters().get(p), field + ".parameter_specs.parameters[" + p + "]");
            }
        }
    }

    private static void validate(ParameterDef p, String field) {
        if (p.name() == null || p.name().isBlank()) {
            throw QuarkflowException.invalidArgument(field + ".name", "Missing Name in ParameterConfig");
        }
        switch (p.kind()) {
            case CATEGORICAL, DISCRETE -> {
                if (p.list().isEmpty()) {
                    throw QuarkflowException.invalidArgument(field + ".feasible_space.list",
                            "Missing List in ParameterConfig.feasibleSpace of " + p.name());
                }
            }
            case INT, DOUBLE -> {
                if (p.min().isBlank() && p.max().isBlank()) {
                    throw QuarkflowException.invalidArgument(field + ".feasible_space",
                            "Missing Max and Min in ParameterConfig.feasibleSpace of " + p.name());
                }
                if (p.kind() == ParameterKind.DOUBLE && !positive(p.step())) {
                    throw QuarkflowException.invalidArgument(field + ".feasible_space.step",
                            "Step parameter should be > 0 in ParameterConfig.feasibleSpace of " + p.name());
                }
                number(p.min(), field + ".feasible_space.min");
                number(p.max(), field + ".feasible_space.max");
            }
            default -> throw QuarkflowException.invalidArgument(field + ".parameter_type",
                    "Missing ParameterType in ParameterConfig " + p.name());
        }
    }

    private static boolean positive(String step) {
        try {
            return step != null && !step.isBlank() && new BigDecimal(step.trim()).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigDecimal number(String text, String field) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument(field, "value " + text + " is not a number");
        }
    }

    /** One ENAS operation: its id, type and one combination of parameter values. */
    public record Choice(int id, String type, Map<String, Object> params) {
        public Map<String, Object> asDict() {
            Map<String, Object> dict = new LinkedHashMap<>();
            dict.put("opt_id", id);
            dict.put("opt_type", type);
            dict.put("opt_params", params);
            return dict;
        }
    }

    /** Every combination of each operation's parameter values, numbered in order (upstream's search space). */
    public static List<Choice> expand(List<NasConfig.Operation> operations) {
        List<Choice> choices = new ArrayList<>();
        for (NasConfig.Operation op : operations) {
            List<Map<String, Object>> combos = new ArrayList<>();
            combos.add(new LinkedHashMap<>());
            for (ParameterDef p : op.parameters()) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> partial : combos) {
                    for (Object value : values(p)) {
                        Map<String, Object> extended = new LinkedHashMap<>(partial);
                        extended.put(p.name(), value);
                        next.add(extended);
                    }
                }
                combos = next;
            }
            for (Map<String, Object> combo : combos) {
                choices.add(new Choice(choices.size(), op.operationType(), combo));
            }
        }
        return choices;
    }

    private static List<Object> values(ParameterDef p) {
        List<Object> values = new ArrayList<>();
        switch (p.kind()) {
            case INT -> {
                long min = Long.parseLong(p.min().trim());
                long max = Long.parseLong(p.max().trim());
                long step = p.step().isBlank() ? 1 : Math.max(1, new BigDecimal(p.step().trim()).longValue());
                for (long v = min; v <= max; v += step) {
                    values.add(v);
                }
            }
            case DOUBLE -> {
                BigDecimal min = new BigDecimal(p.min().trim());
                BigDecimal max = new BigDecimal(p.max().trim());
                BigDecimal step = new BigDecimal(p.step().trim());
                for (BigDecimal v = min; v.compareTo(max) <= 0; v = v.add(step)) {
                    values.add(v.doubleValue());
                }
            }
            default -> values.addAll(p.list());
        }
        return values;
    }
}

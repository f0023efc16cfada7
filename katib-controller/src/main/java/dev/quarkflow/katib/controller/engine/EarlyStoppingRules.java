package dev.quarkflow.katib.controller.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.model.EarlyStoppingRule;
import dev.quarkflow.katib.controller.model.ObjectiveSpec;
import dev.quarkflow.proto.katib.ComparisonType;

/**
 * Applies a trial's early-stopping rules to its metric logs in report order, as upstream's metrics collector does
 * while the training runs (facts §5): the objective metric is compared by its best value so far (min when
 * minimizing, max when maximizing), other metrics by the reported value; a rule with {@code startStep} is looked at
 * only when its metric has been reported that many times; a rule that is met is done; the trial stops when every rule
 * is done.
 */
public final class EarlyStoppingRules {

    public static final String EQUAL = "equal";
    public static final String LESS = "less";
    public static final String GREATER = "greater";

    private EarlyStoppingRules() {
    }

    /** The CR's comparison string for the wire enum; upstream maps UNKNOWN to {@code equal}. */
    public static String comparison(ComparisonType type) {
        return switch (type) {
            case LESS -> LESS;
            case GREATER -> GREATER;
            default -> EQUAL;
        };
    }

    /** @return true when the logs so far satisfy every rule (never for an empty rule list) */
    public static boolean shouldStop(List<EarlyStoppingRule> rules, ObjectiveSpec objective, List<MetricLog> logs) {
        if (rules == null || rules.isEmpty()) {
            return false;
        }
        List<EarlyStoppingRule> open = new ArrayList<>(rules);
        Map<String, Integer> stepsLeft = new HashMap<>();
        for (EarlyStoppingRule rule : rules) {
            if (rule.startStep != null && rule.startStep != 0) {
                stepsLeft.put(rule.name, rule.startStep);
            }
        }
        Double best = null;
        for (MetricLog log : logs) {
            Optional<Double> reported = number(log.value());
            if (reported.isEmpty()) {
                continue;
            }
            for (EarlyStoppingRule rule : List.copyOf(open)) {
                if (!rule.name.equals(log.name())) {
                    continue;
                }
                double value = reported.get();
                if (rule.name.equals(objective.objectiveMetricName)) {
                    best = best == null ? value
                            : ObjectiveSpec.MAXIMIZE.equals(objective.type) ? Math.max(best, value)
                                    : ObjectiveSpec.MINIMIZE.equals(objective.type) ? Math.min(best, value) : best;
                    value = best;
                }
                Integer left = stepsLeft.get(rule.name);
                if (left != null) {
                    // upstream decrements on every report and looks only when the count hits zero: a rule with a
                    // start step is evaluated once, at the start_step-th report of its metric
                    stepsLeft.put(rule.name, left - 1);
                    if (left - 1 != 0) {
                        continue;
                    }
                }
                if (met(rule, value)) {
                    open.remove(rule);
                }
            }
            if (open.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean met(EarlyStoppingRule rule, double value) {
        Optional<Double> threshold = number(rule.value);
        if (threshold.isEmpty()) {
            return false;
        }
        return switch (rule.comparison == null ? EQUAL : rule.comparison) {
            case LESS -> value < threshold.get();
            case GREATER -> value > threshold.get();
            default -> value == threshold.get();
        };
    }

    private static Optional<Double> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

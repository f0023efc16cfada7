package dev.quarkflow.katib.suggestion.earlystopping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.NumericDimension;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

/**
 * Katib's {@code medianstop} early stopping, as upstream computes it: for every SUCCEEDED trial, the average of
 * the first {@code start_step} reported values of the objective; once {@code min_trials_required} trials have one,
 * a single rule "objective worse than the mean of those averages after start_step reports" (upstream calls it a
 * median but takes the arithmetic mean; we keep its number). LESS when maximising, GREATER when minimising.
 */
public final class MedianStop {

    public static final String NAME = "medianstop";
    static final int DEFAULT_MIN_TRIALS = 3;
    static final int DEFAULT_START_STEP = 4;

    public enum Comparison {
        LESS,
        GREATER
    }

    public record Rule(String name, String value, Comparison comparison, int startStep) {
    }

    private MedianStop() {
    }

    public static void validate(String algorithmName, Settings settings) {
        if (!NAME.equals(algorithmName)) {
            throw QuarkflowException.invalidArgument("early_stopping.algorithm_name",
                    "unknown algorithm name " + algorithmName);
        }
        SettingRules.forAlgorithm(NAME)
                .intAtLeast("min_trials_required", 1, "min_trials_required must be greater than zero (>0)")
                .intAtLeast("start_step", 1, "start_step must be greater or equal than one (>=1)")
                .validate(settings);
    }

    /**
     * The rule, if enough trials succeeded.
     *
     * @param objectiveValues the objective's reported values of a trial, oldest first
     */
    public static Optional<Rule> rule(Settings settings, Goal goal, String objectiveMetric, List<TrialDef> trials,
            Function<String, List<String>> objectiveValues) {
        int minTrials = settings.intValue("min_trials_required", DEFAULT_MIN_TRIALS);
        int startStep = settings.intValue("start_step", DEFAULT_START_STEP);
        List<Double> averages = new ArrayList<>();
        for (TrialDef trial : trials) {
            if (trial.state() == TrialState.SUCCEEDED) {
                average(objectiveValues.apply(trial.name()), startStep).ifPresent(averages::add);
            }
        }
        if (averages.size() < minTrials) {
            return Optional.empty();
        }
        double mean = averages.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Comparison comparison = goal == Goal.MAXIMIZE ? Comparison.LESS : Comparison.GREATER;
        return Optional.of(new Rule(objectiveMetric, NumericDimension.formatDouble(mean), comparison, startStep));
    }

    static OptionalDouble average(List<String> values, int startStep) {
        List<Double> numbers = new ArrayList<>();
        for (String v : values) {
            if (numbers.size() == startStep) {
                break;
            }
            try {
                numbers.add(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                // "unavailable" and other non-numbers are not reports of the metric
            }
        }
        return numbers.stream().mapToDouble(Double::doubleValue).average();
    }
}

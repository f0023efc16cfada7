package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.NasConfig;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Scale;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

/** Experiments, trials and requests for the algorithm tests. */
final class Fixtures {

    static final String METRIC = "loss";

    private Fixtures() {
    }

    /** Upstream's 12-parameter mixed space (facts 9.1), shrunk to one of each kind. */
    static List<ParameterDef> mixedSpace() {
        return List.of(
                ParameterDef.range("lr", ParameterKind.DOUBLE, "0.0001", "0.1").withScale(Scale.LOG_UNIFORM),
                ParameterDef.range("momentum", ParameterKind.DOUBLE, "0.5", "0.9"),
                ParameterDef.range("dropout", ParameterKind.DOUBLE, "0.1", "0.5").withStep("0.1"),
                ParameterDef.range("layers", ParameterKind.INT, "1", "8"),
                ParameterDef.range("units", ParameterKind.INT, "16", "256").withStep("16"),
                ParameterDef.range("batch", ParameterKind.INT, "8", "512").withScale(Scale.LOG_UNIFORM),
                ParameterDef.choice("optimizer", ParameterKind.CATEGORICAL, "sgd", "adam", "ftrl"),
                ParameterDef.choice("size", ParameterKind.DISCRETE, "32", "64", "128"));
    }

    static List<ParameterDef> twoDoubles() {
        return List.of(ParameterDef.range("x", ParameterKind.DOUBLE, "-5", "10"),
                ParameterDef.range("y", ParameterKind.DOUBLE, "0", "15"));
    }

    static ExperimentDef experiment(String algorithm, List<ParameterDef> parameters, Settings settings) {
        return new ExperimentDef("exp", parameters, Goal.MINIMIZE, METRIC, algorithm, settings, 3, 0, null);
    }

    static ExperimentDef experiment(String algorithm, List<ParameterDef> parameters, Goal goal, Settings settings,
            int parallel, int max, NasConfig nas) {
        return new ExperimentDef("exp", parameters, goal, METRIC, algorithm, settings, parallel, max, nas);
    }

    static TrialDef trial(String name, Map<String, String> assignments, TrialState state, Double value) {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", "0.5");
        if (value != null) {
            metrics.put(METRIC, Double.toString(value));
        }
        return new TrialDef(name, assignments, Map.of(), state, "2026-01-01T00:00:00Z",
                state.finished() ? String.format("2026-01-01T00:%02d:00Z", Math.abs(name.hashCode()) % 60) : "",
                metrics);
    }

    /** Asks, then evaluates every suggestion with {@code f} and feeds it back as SUCCEEDED, {@code rounds} times. */
    static List<TrialDef> optimise(SearchAlgorithm algorithm, ExperimentDef experiment, int rounds, int batch,
            java.util.function.ToDoubleFunction<Map<String, String>> f) {
        List<TrialDef> trials = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            algorithm.validate(experiment);
            var result = algorithm.suggest(new SuggestionRequest(experiment, trials, batch));
            for (Suggestion s : result.suggestions()) {
                trials.add(trial("t" + trials.size(), s.assignments(), TrialState.SUCCEEDED,
                        f.applyAsDouble(s.assignments())));
            }
        }
        return trials;
    }

    static double best(List<TrialDef> trials) {
        return trials.stream().mapToDouble(t -> t.metric(METRIC).orElse(Double.MAX_VALUE)).min().orElseThrow();
    }
}

package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.NumericDimension;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Rngs;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

/**
 * {@code hyperband} with upstream's settings ({@code r_l}, {@code resource_name} required, {@code eta} default 3)
 * and upstream's state keys, returned in the reply's algorithm settings and sent back by the controller:
 * {@code eta, s_max, r_l, b_l, r, n, current_s, current_i, resource_name, evaluating_trials}.
 *
 * <p>
 * A master bracket draws uniform random configurations with the resource set to {@code r}; a child bracket takes the
 * {@code evaluating_trials} most recently started trials (all must have finished), ranks them and promotes the best
 * with the resource raised by eta. Two deliberate differences from upstream, both to honour the controller's
 * exact-count rule: a child bracket promotes as many of the ranked configurations as requested (upstream answers
 * ceil(n_i/eta), which the controller rejects), and an exhausted hyperband starts a new iteration instead of
 * answering nothing.
 */
@ApplicationScoped
public class Hyperband implements SearchAlgorithm {

    static final String NAME = "hyperband";
    static final List<String> STATE_KEYS = List.of("eta", "s_max", "r_l", "b_l", "r", "n", "current_s", "current_i",
            "resource_name", "evaluating_trials");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(ExperimentDef experiment) {
        Settings settings = experiment.settings();
        SettingRules rules = SettingRules.forAlgorithm(NAME).randomState();
        STATE_KEYS.forEach(rules::any);
        rules.validate(settings);
        if (settings.get("r_l").isEmpty() || settings.get("resource_name").isEmpty()) {
            throw QuarkflowException.invalidArgument("algorithm.algorithm_settings",
                    "r_l and resource_name must be set.");
        }
        double rl = settings.doubleValue("r_l", 0);
        if (rl <= 0) {
            throw QuarkflowException.invalidArgument(Settings.field("r_l"), "r_l must be a positive float number.");
        }
        String resource = settings.stringValue("resource_name", "");
        if (experiment.parameters().stream().map(ParameterDef::name).noneMatch(resource::equals)) {
            throw QuarkflowException.invalidArgument(Settings.field("resource_name"),
                    "value of resource_name setting must be in parameters.");
        }
        SearchSpace.of(experiment);
        double eta = eta(settings);
        int sMax = (int) (Math.log(rl) / Math.log(eta));
        int needed = (int) Math.ceil(Math.pow(eta, sMax));
        if (experiment.parallelTrialCount() < needed) {
            throw QuarkflowException.invalidArgument("experiment.spec.parallel_trial_count",
                    "parallelTrialCount must be not less than " + needed + ".");
        }
    }

    private static double eta(Settings settings) {
        double eta = settings.doubleValue("eta", 3);
        return eta <= 0 ? 3 : eta;
    }

    /** Hyperband's bookkeeping, as upstream keeps it in the algorithm settings. */
    record State(double eta, int sMax, double rl, double bl, double r, int n, int currentS, int currentI,
            String resourceName, int evaluatingTrials) {

        static State read(Settings s) {
            double eta = Hyperband.eta(s);
            double rl = s.doubleValue("r_l", 1);
            if (s.get("current_s").isEmpty()) {
                int sMax = (int) (Math.log(rl) / Math.log(eta));
                return bracket(eta, sMax, rl, sMax, s.stringValue("resource_name", ""));
            }
            return new State(eta, s.intValue("s_max", 0), rl, s.doubleValue("b_l", 0), s.doubleValue("r", 1),
                    s.intValue("n", 1), s.intValue("current_s", 0), s.intValue("current_i", 0),
                    s.stringValue("resource_name", ""), s.intValue("evaluating_trials", 0));
        }

        static State bracket(double eta, int sMax, double rl, int s, String resource) {
            int n = (int) Math.ceil((sMax + 1) * Math.pow(eta, s) / (s + 1));
            double r = rl * Math.pow(eta, -s);
            return new State(eta, sMax, rl, (sMax + 1) * rl, r, n, s, 0, resource, 0);
        }

        State next(int evaluating) {
            if (currentI < currentS) {
                return new State(eta, sMax, rl, bl, r, n, currentS, currentI, resourceName, evaluating);
            }
            int s = currentS - 1 < 0 ? sMax : currentS - 1;
            return bracket(eta, sMax, rl, s, resourceName);
        }

        Settings write(Settings base) {
            Settings s = base;
            s = s.with("eta", num(eta)).with("s_max", Integer.toString(sMax)).with("r_l", num(rl))
                    .with("b_l", num(bl)).with("r", num(r)).with("n", Integer.toString(n))
                    .with("current_s", Integer.toString(currentS)).with("current_i", Integer.toString(currentI))
                    .with("resource_name", resourceName)
                    .with("evaluating_trials", Integer.toString(evaluatingTrials));
            return s;
        }

        private static String num(double v) {
            return NumericDimension.formatDouble(v);
        }
    }

    @Override
    public SuggestionResult suggest(SuggestionRequest request) {
        ExperimentDef experiment = request.experiment();
        SearchSpace space = SearchSpace.of(experiment);
        State state = State.read(experiment.settings());
        if (state.currentS() < 0) {
            state = State.bracket(state.eta(), state.sMax(), state.rl(), state.sMax(), state.resourceName());
        }
        List<Suggestion> suggestions;
        State next;
        if (state.evaluatingTrials() == 0) {
            suggestions = master(request, space, state);
            next = state.next(suggestions.size());
        } else {
            int rung = state.currentI() + 1;
            suggestions = promote(request, state, rung);
            State advanced = new State(state.eta(), state.sMax(), state.rl(), state.bl(), state.r(), state.n(),
                    state.currentS(), rung, state.resourceName(), suggestions.size());
            next = advanced.next(suggestions.size());
        }
        return new SuggestionResult(suggestions, java.util.Optional.of(next.write(experiment.settings())));
    }

    private List<Suggestion> master(SuggestionRequest request, SearchSpace space, State state) {
        RandomGenerator rng = Rngs.forRequest(request, 5);
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            double[] point = new double[space.size()];
            for (int d = 0; d < point.length; d++) {
                point[d] = space.get(d) instanceof NumericDimension ? rng.nextDouble() : space.get(d).sample(rng);
            }
            Map<String, String> assignments = new LinkedHashMap<>(space.decode(point));
            assignments.put(state.resourceName(), resource(request.experiment(), state.resourceName(), state.r()));
            suggestions.add(Suggestion.of(assignments));
        }
        return suggestions;
    }

    private List<Suggestion> promote(SuggestionRequest request, State state, int rung) {
        ExperimentDef experiment = request.experiment();
        List<TrialDef> recent = new ArrayList<>(request.trials());
        // Trials not started yet (empty start time) are the newest.
        recent.sort(Comparator.comparing((TrialDef t) -> t.startTime().isEmpty() ? "~" : t.startTime())
                .thenComparing(TrialDef::name));
        List<TrialDef> evaluated = recent.subList(Math.max(0, recent.size() - state.evaluatingTrials()),
                recent.size());
        List<String> unfinished = evaluated.stream()
                .filter(t -> t.state() != TrialState.SUCCEEDED || t.metric(experiment.objectiveMetric()).isEmpty())
                .map(TrialDef::name).toList();
        if (!unfinished.isEmpty()) {
            throw QuarkflowException.failedPrecondition("trials",
                    "hyperband waits for the bracket's trials to succeed: " + unfinished);
        }
        List<TrialDef> ranked = new ArrayList<>(evaluated);
        ranked.sort(Comparator.comparingDouble(
                t -> experiment.goal().loss(t.metric(experiment.objectiveMetric()).getAsDouble())));
        double resource = state.r() * Math.pow(state.eta(), rung);
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            Map<String, String> assignments = new LinkedHashMap<>(ranked.get(i % ranked.size()).assignments());
            assignments.put(state.resourceName(), resource(experiment, state.resourceName(), resource));
            suggestions.add(Suggestion.of(assignments));
        }
        return suggestions;
    }

    private static String resource(ExperimentDef experiment, String name, double value) {
        boolean integer = experiment.parameters().stream()
                .anyMatch(p -> p.name().equals(name) && p.kind() == ParameterKind.INT);
        return integer ? Long.toString(Math.max(1, (long) value)) : NumericDimension.formatDouble(value);
    }
}

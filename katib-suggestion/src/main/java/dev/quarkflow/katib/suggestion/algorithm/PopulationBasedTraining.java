package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ChoiceDimension;
import dev.quarkflow.katib.suggestion.domain.Dimension;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.NumericDimension;
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
 * {@code pbt} with upstream's settings ({@code suggestion_trial_dir}, {@code n_population} ≥ 5,
 * {@code truncation_threshold} in [0, 1] required; {@code resample_probability} in [0, 1] optional) and upstream's
 * bookkeeping in trial labels: {@value #GENERATION_LABEL} and, from generation 1, {@value #PARENT_LABEL}. Trials are
 * named {@code <experiment>-<id>} by the service. The population is rebuilt from those labels on every call.
 *
 * <p>
 * Order of work: failed or killed members are retried once with the same values, generation and parent (label
 * {@value #RETRY_OF_LABEL}); generation 0 is
 * filled with {@code n_population} random members (values on the step grid); then each finished member without a
 * child gets one in the next generation: members in the bottom {@code truncation_threshold} of their generation
 * exploit (take the values of a random member of the top fraction; parent and copied checkpoint are the weak
 * member's, as upstream), the others explore (numbers ×0.8 or ×1.2 on the grid, choices move to a neighbour, or
 * resample with {@code resample_probability}). When nothing is ready, extra members explore from the latest
 * generation so that the reply always holds the requested count.
 */
@ApplicationScoped
public class PopulationBasedTraining implements SearchAlgorithm {

    static final String NAME = "pbt";
    public static final String GENERATION_LABEL = "pbt.suggestion.katib.kubeflow.org/generation";
    public static final String PARENT_LABEL = "pbt.suggestion.katib.kubeflow.org/parent";
    /** Ours, not upstream's: names the failed trial a retry replaces, so that each is retried once. */
    public static final String RETRY_OF_LABEL = "quarkflow.dev/pbt-retry-of";
    static final List<String> REQUIRED = List.of("suggestion_trial_dir", "n_population", "truncation_threshold");

    private final PbtCheckpoints checkpoints;

    @Inject
    public PopulationBasedTraining(PbtCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(ExperimentDef experiment) {
        Settings settings = experiment.settings();
        List<String> missing = REQUIRED.stream().filter(k -> settings.get(k).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw QuarkflowException.invalidArgument("algorithm.algorithm_settings",
                    "Required params missing: " + String.join(", ", missing));
        }
        SettingRules.forAlgorithm(NAME).any("suggestion_trial_dir")
                .intAtLeast("n_population", 5, "n_population should be great or equal than 5")
                .doubleIn("truncation_threshold", 0, 1, true, "truncation_threshold should be in the range of [0, 1]")
                .doubleIn("resample_probability", 0, 1, true, "resample_probability should be in the range of [0, 1]")
                .randomState().validate(settings);
        SearchSpace space = SearchSpace.of(experiment);
        for (int i = 0; i < space.size(); i++) {
            if (space.get(i) instanceof NumericDimension d && !d.hasStep()) {
                throw QuarkflowException.invalidArgument(
                        "experiment.spec.parameter_specs.parameters[" + i + "].feasible_space.step",
                        "pbt needs a step for parameter " + d.name());
            }
        }
    }

    private record Member(String name, Map<String, String> assignments, int generation, String parent,
            TrialState state, Double score, String retryOf) {
    }

    @Override
    public SuggestionResult suggest(SuggestionRequest request) {
        ExperimentDef experiment = request.experiment();
        SearchSpace space = SearchSpace.of(experiment);
        RandomGenerator rng = Rngs.forRequest(request, 7);
        int population = experiment.settings().intValue("n_population", 5);
        double truncation = experiment.settings().doubleValue("truncation_threshold", 0.2);
        double resample = experiment.settings().doubleValue("resample_probability", 0);

        List<Member> members = new ArrayList<>(request.trials().stream().map(t -> member(experiment, t)).toList());
        List<Member> produced = new ArrayList<>();
        Set<String> parentsWithChild = new HashSet<>();
        members.forEach(m -> parentsWithChild.add(m.parent()));

        for (Member retry : retries(members)) {
            if (produced.size() < request.count()) {
                produced.add(new Member(newName(experiment, rng), retry.assignments(), retry.generation(),
                        retry.parent(), TrialState.CREATED, null, retry.name()));
            }
        }
        while (produced.size() < request.count()) {
            long generationZero = concat(members, produced).stream().filter(m -> m.generation() == 0).count();
            Member next;
            if (generationZero < population) {
                next = new Member(newName(experiment, rng), gridSample(space, rng), 0, "", TrialState.CREATED, null, "");
            } else {
                Member parent = nextParent(members, parentsWithChild);
                if (parent == null) {
                    parent = latestFinished(members, rng);
                }
                if (parent == null) {
                    next = new Member(newName(experiment, rng), gridSample(space, rng), 0, "", TrialState.CREATED,
                            null, "");
                } else {
                    next = child(space, members, parent, truncation, resample, experiment, rng);
                    parentsWithChild.add(parent.name());
                }
            }
            produced.add(next);
        }

        List<Suggestion> suggestions = new ArrayList<>();
        for (Member m : produced) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(GENERATION_LABEL, Integer.toString(m.generation()));
            if (m.generation() > 0) {
                labels.put(PARENT_LABEL, m.parent());
            }
            if (!m.retryOf().isEmpty()) {
                labels.put(RETRY_OF_LABEL, m.retryOf());
            }
            checkpoints.create(experiment.name(), m.name(), m.parent());
            suggestions.add(new Suggestion(m.name(), m.assignments(), labels));
        }
        return SuggestionResult.of(suggestions);
    }

    private static List<Member> concat(List<Member> a, List<Member> b) {
        List<Member> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Member member(ExperimentDef experiment, TrialDef t) {
        int generation;
        try {
            generation = Integer.parseInt(t.labels().getOrDefault(GENERATION_LABEL, "0"));
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument("trials[" + t.name() + "].spec.labels",
                    GENERATION_LABEL + " is not a number");
        }
        Double score = null;
        if (t.state().finished() && t.metric(experiment.objectiveMetric()).isPresent()) {
            score = -experiment.goal().loss(t.metric(experiment.objectiveMetric()).getAsDouble());
        }
        return new Member(t.name(), t.assignments(), generation, t.labels().getOrDefault(PARENT_LABEL, ""),
                t.state(), score, t.labels().getOrDefault(RETRY_OF_LABEL, ""));
    }

    /** Failed or killed members that no trial retries yet. */
    private static List<Member> retries(List<Member> members) {
        Set<String> retried = new HashSet<>();
        members.forEach(m -> retried.add(m.retryOf()));
        return members.stream().filter(m -> failed(m) && !retried.contains(m.name())).toList();
    }

    private static boolean failed(Member m) {
        return m.state() == TrialState.FAILED || m.state() == TrialState.KILLED;
    }

    /** The finished member without a child from the oldest generation, best first. */
    private static Member nextParent(List<Member> members, Set<String> parentsWithChild) {
        return members.stream().filter(m -> m.score() != null && !parentsWithChild.contains(m.name()))
                .min(Comparator.comparingInt(Member::generation).thenComparing(m -> -m.score())
                        .thenComparing(Member::name))
                .orElse(null);
    }

    private static Member latestFinished(List<Member> members, RandomGenerator rng) {
        int latest = members.stream().filter(m -> m.score() != null).mapToInt(Member::generation).max().orElse(-1);
        if (latest < 0) {
            return null;
        }
        List<Member> pool = members.stream().filter(m -> m.score() != null && m.generation() == latest)
                .sorted(Comparator.comparing(Member::name)).toList();
        return pool.get(rng.nextInt(pool.size()));
    }

    private Member child(SearchSpace space, List<Member> members, Member parent, double truncation,
            double resample, ExperimentDef experiment, RandomGenerator rng) {
        List<Member> generation = members.stream()
                .filter(m -> m.score() != null && m.generation() == parent.generation())
                .sorted(Comparator.comparing((Member m) -> -m.score()).thenComparing(Member::name)).toList();
        int rank = generation.indexOf(parent);
        int cut = (int) Math.ceil(generation.size() * truncation);
        Map<String, String> values;
        if (rank >= generation.size() - cut && cut > 0 && generation.size() > cut) {
            int top = Math.max(1, cut);
            values = generation.get(rng.nextInt(Math.min(top, generation.size()))).assignments();
        } else {
            values = explore(space, parent.assignments(), resample, rng);
        }
        return new Member(newName(experiment, rng), values, parent.generation() + 1, parent.name(),
                TrialState.CREATED, null, "");
    }

    private static Map<String, String> explore(SearchSpace space, Map<String, String> values, double resample,
            RandomGenerator rng) {
        Map<String, String> explored = new LinkedHashMap<>();
        for (Dimension d : space.dimensions()) {
            List<String> grid = d.gridValues();
            String current = values.get(d.name());
            int index = Math.max(0, indexOn(grid, current));
            String next;
            if (rng.nextDouble() < resample) {
                next = grid.get(rng.nextInt(grid.size()));
            } else if (d instanceof ChoiceDimension) {
                int moved = index + (rng.nextBoolean() ? 1 : -1);
                next = grid.get(Math.max(0, Math.min(grid.size() - 1, moved)));
            } else {
                double factor = rng.nextBoolean() ? 0.8 : 1.2;
                double target = Double.parseDouble(grid.get(index)) * factor;
                next = nearest(grid, target);
            }
            explored.put(d.name(), next);
        }
        return explored;
    }

    private static int indexOn(List<String> grid, String value) {
        int index = grid.indexOf(value);
        if (index >= 0 || value == null) {
            return index;
        }
        try {
            return grid.indexOf(nearest(grid, Double.parseDouble(value)));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String nearest(List<String> grid, double target) {
        return grid.stream().min(Comparator.comparingDouble(v -> Math.abs(Double.parseDouble(v) - target)))
                .orElseThrow();
    }

    private static Map<String, String> gridSample(SearchSpace space, RandomGenerator rng) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Dimension d : space.dimensions()) {
            List<String> grid = d.gridValues();
            values.put(d.name(), grid.get(rng.nextInt(grid.size())));
        }
        return values;
    }

    private static String newName(ExperimentDef experiment, RandomGenerator rng) {
        return experiment.name() + "-" + new java.util.UUID(rng.nextLong(), rng.nextLong()).toString()
                .substring(0, 8);
    }
}

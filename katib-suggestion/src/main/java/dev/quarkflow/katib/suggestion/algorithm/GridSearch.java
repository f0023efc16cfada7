package dev.quarkflow.katib.suggestion.algorithm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomAdaptor;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.Dimension;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.NumericDimension;
import dev.quarkflow.katib.suggestion.domain.Rngs;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;
import dev.quarkflow.katib.suggestion.domain.TrialDef;

/**
 * {@code grid}: every combination of the parameters' grid values (INT by step 1 or its step, DOUBLE by its
 * required step, lists as given), visited in an order fixed by {@code random_state}, skipping combinations any
 * trial already holds. Validation rejects {@code max_trial_count} above the number of combinations, as upstream.
 * When every combination is taken (a retried failure), the walk starts again from the first.
 */
@ApplicationScoped
public class GridSearch implements SearchAlgorithm {

    static final String NAME = "grid";
    /** Grids larger than this are not enumerated (the walk would not fit in memory). */
    static final int MAX_POINTS = 1_000_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(ExperimentDef experiment) {
        SettingRules.forAlgorithm(NAME).randomState().validate(experiment.settings());
        SearchSpace space = SearchSpace.of(experiment);
        BigInteger size = size(space);
        if (experiment.maxTrialCount() > 0 && size.compareTo(BigInteger.valueOf(experiment.maxTrialCount())) < 0) {
            throw QuarkflowException.invalidArgument("experiment.spec.max_trial_count",
                    "Max Trial Count: " + experiment.maxTrialCount() + " > all possible search combinations: "
                            + size);
        }
        if (size.compareTo(BigInteger.valueOf(MAX_POINTS)) > 0) {
            throw QuarkflowException.invalidArgument("experiment.spec.parameter_specs",
                    "the grid has " + size + " combinations, more than " + MAX_POINTS);
        }
    }

    static BigInteger size(SearchSpace space) {
        BigInteger size = BigInteger.ONE;
        for (int i = 0; i < space.size(); i++) {
            Dimension d = space.get(i);
            List<String> values = d.gridValues();
            if (values.isEmpty() && d instanceof NumericDimension) {
                throw QuarkflowException.invalidArgument(
                        "experiment.spec.parameter_specs.parameters[" + i + "].feasible_space.step",
                        "grid needs a step for DOUBLE parameter " + d.name() + " (step is nil)");
            }
            size = size.multiply(BigInteger.valueOf(values.size()));
        }
        return size;
    }

    @Override
    public SuggestionResult suggest(SuggestionRequest request) {
        SearchSpace space = SearchSpace.of(request.experiment());
        List<Map<String, String>> grid = combinations(space);
        Collections.shuffle(grid, new RandomAdaptor(Rngs.forExperiment(request.experiment(), 2)));

        Set<Map<String, String>> taken = new HashSet<>();
        for (TrialDef trial : request.trials()) {
            space.encode(trial.assignments()).map(space::decode).ifPresent(taken::add);
        }
        List<Map<String, String>> order = new ArrayList<>(grid.stream().filter(p -> !taken.contains(p)).toList());
        order.addAll(grid.stream().filter(taken::contains).toList());

        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            suggestions.add(Suggestion.of(order.get(i % order.size())));
        }
        return SuggestionResult.of(suggestions);
    }

    private static List<Map<String, String>> combinations(SearchSpace space) {
        List<Map<String, String>> result = new ArrayList<>();
        result.add(new LinkedHashMap<>());
        for (Dimension d : space.dimensions()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : result) {
                for (String value : d.gridValues()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(d.name(), value);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }
}

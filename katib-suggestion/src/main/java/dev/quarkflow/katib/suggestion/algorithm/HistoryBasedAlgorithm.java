package dev.quarkflow.katib.suggestion.algorithm;

import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.History;
import dev.quarkflow.katib.suggestion.domain.Rngs;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;

/**
 * The shape shared by the model-based HPO algorithms: validate the settings, then rebuild the model from the
 * request's history and draw points. Subclasses give the rules and the sampling.
 */
abstract class HistoryBasedAlgorithm implements SearchAlgorithm {

    /** The settings this algorithm accepts. */
    abstract SettingRules rules();

    /** Extra checks on the space (e.g. CMA-ES needs two numeric parameters). */
    void validateSpace(SearchSpace space) {
    }

    abstract List<double[]> points(ExperimentDef experiment, SearchSpace space, History history, int count,
            RandomGenerator rng, SuggestionRequest request);

    @Override
    public final void validate(ExperimentDef experiment) {
        rules().validate(experiment.settings());
        validateSpace(SearchSpace.of(experiment));
    }

    @Override
    public final SuggestionResult suggest(SuggestionRequest request) {
        SearchSpace space = SearchSpace.of(request.experiment());
        History history = History.of(request, space);
        RandomGenerator rng = Rngs.forRequest(request, name().hashCode());
        return SuggestionResult.of(points(request.experiment(), space, history, request.count(), rng, request)
                .stream().map(p -> Suggestion.of(space.decode(p))).toList());
    }
}

package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.Rngs;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;

/** {@code random}: independent draws from each parameter's prior (hyperopt's rand.suggest upstream). */
@ApplicationScoped
public class RandomSearch implements SearchAlgorithm {

    static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(ExperimentDef experiment) {
        SettingRules.forAlgorithm(NAME).randomState().validate(experiment.settings());
        SearchSpace.of(experiment);
    }

    @Override
    public SuggestionResult suggest(SuggestionRequest request) {
        SearchSpace space = SearchSpace.of(request.experiment());
        RandomGenerator rng = Rngs.forRequest(request, 1);
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            suggestions.add(Suggestion.of(space.decode(space.sample(rng))));
        }
        return SuggestionResult.of(suggestions);
    }
}

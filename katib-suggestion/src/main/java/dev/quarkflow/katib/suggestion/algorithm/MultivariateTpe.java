package dev.quarkflow.katib.suggestion.algorithm;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.History;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TpeSampler;

/**
 * {@code multivariate-tpe} with upstream's optuna settings and defaults: {@code n_startup_trials} 10,
 * {@code n_ei_candidates} 24, {@code random_state}; joint kernels over all parameters, optuna's gamma
 * (ceil(0.1 n), at most 25), prior weight 1, constant liar for running trials.
 */
@ApplicationScoped
public class MultivariateTpe extends HistoryBasedAlgorithm {

    static final String NAME = "multivariate-tpe";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SettingRules rules() {
        return SettingRules.forAlgorithm(NAME)
                .intAtLeast("n_startup_trials", 0, "n_startup_trials should be great or equal than zero")
                .intAtLeast("n_ei_candidates", 0, "n_ei_candidates should be great or equal than zero")
                .randomState();
    }

    @Override
    List<double[]> points(ExperimentDef experiment, SearchSpace space, History history, int count,
            RandomGenerator rng, SuggestionRequest request) {
        var sampler = new TpeSampler(experiment.settings().intValue("n_startup_trials", 10),
                Math.max(1, experiment.settings().intValue("n_ei_candidates", 24)), 1.0, true,
                n -> Math.min((int) Math.ceil(0.1 * n), 25));
        return sampler.suggest(space, history, count, rng);
    }
}

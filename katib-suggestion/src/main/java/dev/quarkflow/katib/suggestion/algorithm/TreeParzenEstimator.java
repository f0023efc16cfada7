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
 * {@code tpe} with upstream's hyperopt settings and defaults: {@code gamma} 0.25 (below = ceil(gamma sqrt n), at
 * most 25), {@code prior_weight} 1.0, {@code n_EI_candidates} 24, {@code random_state}. Modelling starts after
 * {@value #STARTUP_TRIALS} finished trials, or after as many as are requested now when that is more. Upstream
 * sets hyperopt's n_startup_jobs to the request size alone, so a controller asking one at a time gets a model
 * fitted to a single point; we deliberately keep a random start (facts 10).
 */
@ApplicationScoped
public class TreeParzenEstimator extends HistoryBasedAlgorithm {

    static final String NAME = "tpe";
    static final int STARTUP_TRIALS = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SettingRules rules() {
        return SettingRules.forAlgorithm(NAME)
                .doubleIn("gamma", 0, 1, false, "gamma should be in the range of (0, 1)")
                .doubleAbove("prior_weight", 0, false, "prior_weight should be great than zero")
                .intAtLeast("n_EI_candidates", 1, "n_EI_candidates should be great than zero")
                .randomState();
    }

    @Override
    List<double[]> points(ExperimentDef experiment, SearchSpace space, History history, int count,
            RandomGenerator rng, SuggestionRequest request) {
        double gamma = experiment.settings().doubleValue("gamma", 0.25);
        var sampler = new TpeSampler(Math.max(count, STARTUP_TRIALS), experiment.settings().intValue("n_EI_candidates", 24),
                experiment.settings().doubleValue("prior_weight", 1.0), false,
                n -> Math.min((int) Math.ceil(gamma * Math.sqrt(n)), 25));
        return sampler.suggest(space, history, count, rng);
    }
}

package dev.quarkflow.katib.suggestion.domain;

import java.security.SecureRandom;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Random generators per call. With {@code random_state} the seed is derived from it and from the request (how many
 * trials exist), so the same request gives the same answer while successive calls still move on; without it the
 * seed is fresh each call.
 */
public final class Rngs {

    private static final SecureRandom SEEDS = new SecureRandom();

    private Rngs() {
    }

    public static RandomGenerator forRequest(SuggestionRequest request, long salt) {
        var state = request.experiment().settings().randomState();
        if (state.isEmpty()) {
            return new Well19937c(SEEDS.nextLong());
        }
        return new Well19937c(mix(state.get(), request.trials().size(), salt));
    }

    /** A generator that depends on {@code random_state} only (e.g. grid's visiting order). */
    public static RandomGenerator forExperiment(ExperimentDef experiment, long salt) {
        return new Well19937c(mix(experiment.settings().randomState().orElse(0L), 0, salt));
    }

    static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + c;
        return h ^ (h >>> 29);
    }
}

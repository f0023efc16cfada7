package dev.quarkflow.katib.suggestion.algorithm;

import java.util.List;

/** Plain instances of every algorithm, for tests without CDI. */
final class AlgorithmsUnderTest {

    private AlgorithmsUnderTest() {
    }

    /** The history-based HPO algorithms that share one contract (grid, hyperband, pbt, NAS have their own). */
    static List<SearchAlgorithm> hpo() {
        return List.of(new RandomSearch(), new TreeParzenEstimator(), new MultivariateTpe(), new CmaEsSearch(),
                new SobolSearch(), new BayesianOptimization());
    }

    static List<SearchAlgorithm> all() {
        List<SearchAlgorithm> all = new java.util.ArrayList<>(hpo());
        all.add(new GridSearch());
        return all;
    }
}

package dev.quarkflow.katib.suggestion.algorithm;

import java.util.List;

/** Plain instances of every algorithm, for tests without CDI. */
final class AlgorithmsUnderTest {

    private AlgorithmsUnderTest() {
    }

    /** The history-based HPO algorithms that share one contract (grid, hyperband, pbt, NAS have their own). */
    static List<SearchAlgorithm> hpo() {
        return List.of(new RandomSearch());
    }

    static List<SearchAlgorithm> all() {
        return List.of(new RandomSearch(), new GridSearch());
    }
}

package dev.quarkflow.katib.controller.engine;

import java.util.Set;

/**
 * What the {@code katib-config} runtime section offers: the algorithm names with a suggestion service, the early
 * stopping algorithms and the metrics collector kinds with a collector image. The webhook refuses anything else.
 */
public record KatibCatalog(Set<String> algorithms, Set<String> earlyStoppingAlgorithms,
        Set<String> metricsCollectorKinds) {

    /** Upstream's stock katib-config (katib-standalone install). */
    public static KatibCatalog upstreamDefault() {
        return new KatibCatalog(
                Set.of("random", "tpe", "grid", "hyperband", "bayesianoptimization", "cmaes", "sobol",
                        "multivariate-tpe", "enas", "darts", "pbt"),
                Set.of("medianstop"),
                Set.of("StdOut", "File", "TensorFlowEvent"));
    }
}

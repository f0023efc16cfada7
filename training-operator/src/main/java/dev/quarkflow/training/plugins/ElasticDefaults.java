package dev.quarkflow.training.plugins;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Elastic min/max defaulting shared by PyTorch and Paddle: one copies the other, or both take the worker count. */
final class ElasticDefaults {

    private ElasticDefaults() {
    }

    static void apply(Supplier<Integer> min, Consumer<Integer> setMin, Supplier<Integer> max, Consumer<Integer> setMax,
            Integer workerReplicas) {
        if (min.get() != null && max.get() == null) {
            setMax.accept(min.get());
        } else if (min.get() == null && max.get() != null) {
            setMin.accept(max.get());
        } else if (min.get() == null) {
            setMin.accept(workerReplicas);
            setMax.accept(workerReplicas);
        }
    }
}

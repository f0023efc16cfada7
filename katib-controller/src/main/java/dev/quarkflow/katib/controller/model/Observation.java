package dev.quarkflow.katib.controller.model;

import java.util.List;
import java.util.Optional;

/** A trial's metrics summarised: per metric the min, max and latest value (or {@code unavailable}). */
public class Observation extends Extensible {
    public static final String UNAVAILABLE = "unavailable";

    public List<Metric> metrics;

    public Optional<Metric> metric(String name) {
        return metrics == null ? Optional.empty() : metrics.stream().filter(m -> name.equals(m.name)).findFirst();
    }

    public static class Metric extends Extensible {
        public String name;
        public String min;
        public String max;
        public String latest;

        public Metric() {
        }

        public Metric(String name, String min, String max, String latest) {
            this.name = name;
            this.min = min;
            this.max = max;
            this.latest = latest;
        }
    }
}

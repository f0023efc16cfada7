package dev.quarkflow.katib.controller.model;

import java.util.ArrayList;
import java.util.List;

/** {@code spec.objective}: what to optimise and how each metric's observation is summarised. */
public class ObjectiveSpec extends Extensible {
    public static final String MINIMIZE = "minimize";
    public static final String MAXIMIZE = "maximize";

    public String type;
    public Double goal;
    public String objectiveMetricName;
    public List<String> additionalMetricNames;
    public List<MetricStrategy> metricStrategies;

    public List<String> additionalMetricNamesOrEmpty() {
        return additionalMetricNames == null ? List.of() : additionalMetricNames;
    }

    /** The objective first, then the additional metrics: the order collectors are given the names in. */
    public List<String> allMetricNames() {
        List<String> names = new ArrayList<>();
        names.add(objectiveMetricName);
        names.addAll(additionalMetricNamesOrEmpty());
        return names;
    }

    public List<MetricStrategy> metricStrategiesOrEmpty() {
        return metricStrategies == null ? List.of() : metricStrategies;
    }

    /** {@code min}, {@code max} or {@code latest}: how one metric's logs reduce to its objective value. */
    public static class MetricStrategy extends Extensible {
        public static final String MIN = "min";
        public static final String MAX = "max";
        public static final String LATEST = "latest";

        public String name;
        public String value;

        public MetricStrategy() {
        }

        public MetricStrategy(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}

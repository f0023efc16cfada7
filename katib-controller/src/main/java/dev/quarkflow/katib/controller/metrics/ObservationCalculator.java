package dev.quarkflow.katib.controller.metrics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarkflow.katib.controller.model.ObjectiveSpec;
import dev.quarkflow.katib.controller.model.ObjectiveSpec.MetricStrategy;
import dev.quarkflow.katib.controller.model.Observation;
import dev.quarkflow.katib.controller.model.Observation.Metric;

/**
 * A trial's observation from its metric logs (upstream's trial controller): per metric of the objective's strategies,
 * min and max over the numeric values and latest = the value with the newest timestamp (a later log wins a tie);
 * {@code unavailable} where nothing numeric (or nothing at all) was seen.
 */
public final class ObservationCalculator {

    private ObservationCalculator() {
    }

    public static Observation observe(List<MetricLog> logs, List<MetricStrategy> strategies) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, Instant> newest = new LinkedHashMap<>();
        for (MetricStrategy strategy : strategies) {
            metrics.put(strategy.name, new Metric(strategy.name, Observation.UNAVAILABLE, Observation.UNAVAILABLE,
                    Observation.UNAVAILABLE));
        }
        for (MetricLog log : logs) {
            Metric metric = metrics.get(log.name());
            if (metric == null) {
                continue;
            }
            Optional<Double> number = parse(log.value());
            if (number.isPresent()) {
                if (Observation.UNAVAILABLE.equals(metric.min)) {
                    metric.min = log.value();
                    metric.max = log.value();
                } else if (number.get() < Double.parseDouble(metric.min)) {
                    metric.min = log.value();
                } else if (number.get() > Double.parseDouble(metric.max)) {
                    metric.max = log.value();
                }
            }
            Instant time = instant(log.timestamp());
            Instant seen = newest.get(log.name());
            if (seen == null || !seen.isAfter(time)) {
                newest.put(log.name(), time);
                metric.latest = log.value();
            }
        }
        Observation observation = new Observation();
        observation.metrics = new ArrayList<>(metrics.values());
        return observation;
    }

    /** The value the objective is judged by: its strategy's pick, falling back to latest when min/max is missing. */
    public static String objectiveValue(Observation observation, ObjectiveSpec objective) {
        if (observation == null || objective == null) {
            return Observation.UNAVAILABLE;
        }
        return observation.metric(objective.objectiveMetricName)
                .map(metric -> strategyValue(metric, strategyOf(objective, objective.objectiveMetricName)))
                .orElse(Observation.UNAVAILABLE);
    }

    /** The value of a metric under a strategy, as sent to suggestion services. */
    public static String strategyValue(Metric metric, String strategy) {
        if (MetricStrategy.MIN.equals(strategy)) {
            return Observation.UNAVAILABLE.equals(metric.min) ? metric.latest : metric.min;
        }
        if (MetricStrategy.MAX.equals(strategy)) {
            return Observation.UNAVAILABLE.equals(metric.max) ? metric.latest : metric.max;
        }
        if (MetricStrategy.LATEST.equals(strategy)) {
            return metric.latest;
        }
        return "";
    }

    public static String strategyOf(ObjectiveSpec objective, String metricName) {
        return objective.metricStrategiesOrEmpty().stream().filter(s -> metricName.equals(s.name))
                .map(s -> s.value).findFirst().orElse(null);
    }

    /** Go's ParseFloat: finite decimal or scientific numbers; "unavailable" and other text are not numbers. */
    public static Optional<Double> parse(String value) {
        try {
            return Optional.of(Double.parseDouble(value.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.parse(MetricLog.ZERO_TIME);
        }
    }
}

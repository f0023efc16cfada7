package dev.quarkflow.katib.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.model.ObjectiveSpec.MetricStrategy;
import dev.quarkflow.katib.controller.model.Observation;

class ObservationCalculatorTest {

    @Test
    void minMaxOverNumbers_latestByTimestamp_laterLogWinsTies() {
        Observation observation = ObservationCalculator.observe(List.of(
                new MetricLog("2024-01-01T00:00:02Z", "loss", "0.5"),
                new MetricLog("2024-01-01T00:00:01Z", "loss", "0.2"),
                new MetricLog("2024-01-01T00:00:02Z", "loss", "0.7"),
                new MetricLog("2024-01-01T00:00:00Z", "other", "9")),
                List.of(new MetricStrategy("loss", "min"), new MetricStrategy("accuracy", "max")));

        assertThat(observation.metrics).extracting(m -> m.name + ":" + m.min + "/" + m.max + "/" + m.latest)
                .containsExactly("loss:0.2/0.7/0.7", "accuracy:unavailable/unavailable/unavailable");
    }

    @Test
    void strategyValue_fallsBackToLatest_whenMinIsUnavailable() {
        Observation.Metric metric = new Observation.Metric("loss", "unavailable", "unavailable", "nan-ish");

        assertThat(ObservationCalculator.strategyValue(metric, "min")).isEqualTo("nan-ish");
        assertThat(ObservationCalculator.strategyValue(new Observation.Metric("loss", "1", "3", "2"), "max"))
                .isEqualTo("3");
    }
}

package dev.quarkflow.katib.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsParserTest {

    private static final List<String> METRICS = List.of("accuracy", "loss");

    @Test
    void textLines_yieldNameValuePairs_withLeadingTimestampsOrTheZeroTime() {
        List<MetricLog> logs = MetricsParser.parseText(List.of(
                "2021-12-02T14:27:51.000Z accuracy=.333 loss=-.333",
                "epoch 1 accuracy=888. loss = 1e-3",
                "nothing to see here",
                "accuracy=- 345.333"), METRICS, List.of());

        assertThat(logs).containsExactly(
                new MetricLog("2021-12-02T14:27:51.000Z", "accuracy", ".333"),
                new MetricLog("2021-12-02T14:27:51.000Z", "loss", "-.333"),
                new MetricLog(MetricLog.ZERO_TIME, "accuracy", "888"),
                new MetricLog(MetricLog.ZERO_TIME, "loss", "1e-3"),
                new MetricLog(MetricLog.ZERO_TIME, "accuracy", "-"));
    }

    @Test
    void textLines_onlyKeepRequestedNames() {
        List<MetricLog> logs = MetricsParser.parseText(List.of("accuracy=0.9 lr=0.1 accuracy_top5=0.99"), METRICS,
                List.of());

        assertThat(logs).extracting(MetricLog::name).containsExactly("accuracy");
    }

    @Test
    void customFilters_takeTwoGroups_withGoStyleLiteralBraces() {
        List<MetricLog> logs = MetricsParser.parseText(List.of("{metricName: accuracy, metricValue: 0.81}"),
                METRICS, List.of("{metricName: ([\\w|-]+), metricValue: ((-?\\d+)(\\.\\d+)?)}"));

        assertThat(logs).containsExactly(new MetricLog(MetricLog.ZERO_TIME, "accuracy", "0.81"));
    }

    @Test
    void objectiveNeverReported_givesOneUnavailableLog() {
        assertThat(MetricsParser.parseText(List.of("loss=0.5"), METRICS, List.of()))
                .containsExactly(new MetricLog(MetricLog.ZERO_TIME, "accuracy", "unavailable"));
    }

    @Test
    void jsonLines_takeStringValues_andRfc3339OrEpochTimestamps() throws Exception {
        List<MetricLog> logs = MetricsParser.parseJson(List.of(
                "{\"accuracy\": \"0.8\", \"loss\": 0.3, \"timestamp\": 1638422847.28}",
                "{\"accuracy\": \"0.9\", \"timestamp\": \"2021-12-02T14:27:51.000Z\"}",
                "",
                "{\"loss\": \"0.1\"}"), METRICS);

        assertThat(logs).containsExactly(
                new MetricLog("2021-12-02T05:27:27.280Z", "accuracy", "0.8"),
                new MetricLog("2021-12-02T14:27:51.000Z", "accuracy", "0.9"),
                new MetricLog(MetricLog.ZERO_TIME, "loss", "0.1"));
    }

    @Test
    void jsonWithANonJsonLine_isAnError() {
        assertThatThrownBy(() -> MetricsParser.parseJson(List.of("{\"accuracy\": \"0.8\"}", "accuracy=0.9"), METRICS))
                .isInstanceOf(MetricsParser.MetricsFormatException.class);
    }
}

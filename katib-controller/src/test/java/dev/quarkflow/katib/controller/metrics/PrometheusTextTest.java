package dev.quarkflow.katib.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final Instant SCRAPED = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void samplesOfTheExperimentsMetrics_withLabelsAndOwnTimestamps() throws Exception {
        String body = """
                # HELP loss the training loss
                # TYPE loss gauge
                loss 0.25
                loss_total 9
                accuracy{split="test",note="a } \\" b"} 0.875 1700000000123
                  accuracy 1e-05
                process_cpu_seconds_total 12.5

                """;

        List<MetricLog> logs = PrometheusText.parse(body, List.of("loss", "accuracy"), SCRAPED);

        assertThat(logs).containsExactly(new MetricLog("2026-01-02T03:04:05Z", "loss", "0.25"),
                new MetricLog("2023-11-14T22:13:20.123Z", "accuracy", "0.875"),
                new MetricLog("2026-01-02T03:04:05Z", "accuracy", "1e-05"));
    }

    @Test
    void aLineThatIsNotASample_isRefused_namingTheLine() {
        assertThatThrownBy(() -> PrometheusText.parse("loss 1\nloss{a=\"b\" 2\n", List.of("loss"), SCRAPED))
                .hasMessage("line 2: label set not closed: loss{a=\"b\" 2");
        assertThatThrownBy(() -> PrometheusText.parse("loss 1 2 3\n", List.of("loss"), SCRAPED))
                .hasMessage("line 1: not a sample: loss 1 2 3");
        assertThatThrownBy(() -> PrometheusText.parse("loss 1 soon\n", List.of("loss"), SCRAPED))
                .hasMessage("line 1: timestamp is not milliseconds: soon");
    }
}

package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.model.EarlyStoppingRule;
import dev.quarkflow.katib.controller.model.ObjectiveSpec;

class EarlyStoppingRulesTest {

    private static ObjectiveSpec objective(String type) {
        ObjectiveSpec objective = new ObjectiveSpec();
        objective.type = type;
        objective.objectiveMetricName = "loss";
        return objective;
    }

    private static List<MetricLog> logs(String metric, String... values) {
        List<MetricLog> logs = new ArrayList<>();
        for (String value : values) {
            logs.add(new MetricLog(MetricLog.ZERO_TIME, metric, value));
        }
        return logs;
    }

    @Test
    void minimizing_stopsWhenTheBestLossIsStillAboveTheRule_atTheStartStep() {
        List<EarlyStoppingRule> rules = List.of(new EarlyStoppingRule("loss", "1.0", "greater", 3));

        assertThat(EarlyStoppingRules.shouldStop(rules, objective("minimize"), logs("loss", "3", "2"))).isFalse();
        assertThat(EarlyStoppingRules.shouldStop(rules, objective("minimize"), logs("loss", "3", "2", "1.5")))
                .isTrue();
    }

    @Test
    void theBestValueSoFar_isCompared_notTheLatest() {
        List<EarlyStoppingRule> rules = List.of(new EarlyStoppingRule("loss", "1.0", "greater", 3));

        assertThat(EarlyStoppingRules.shouldStop(rules, objective("minimize"), logs("loss", "0.5", "2", "3")))
                .isFalse();
    }

    @Test
    void maximizing_usesTheMaximumSoFar() {
        ObjectiveSpec objective = objective("maximize");
        List<EarlyStoppingRule> rules = List.of(new EarlyStoppingRule("loss", "0.8", "less", 2));

        assertThat(EarlyStoppingRules.shouldStop(rules, objective, logs("loss", "0.9", "0.1"))).isFalse();
        assertThat(EarlyStoppingRules.shouldStop(rules, objective, logs("loss", "0.5", "0.6"))).isTrue();
    }

    @Test
    void aRuleWithAStartStep_isLookedAtOnlyOnce_asUpstreamsCollectorDoes() {
        List<EarlyStoppingRule> rules = List.of(new EarlyStoppingRule("loss", "1.0", "greater", 2));

        assertThat(EarlyStoppingRules.shouldStop(rules, objective("maximize"), logs("loss", "0.5", "0.6", "5")))
                .isFalse();
    }

    @Test
    void withoutAStartStep_everyReportIsLookedAt() {
        List<EarlyStoppingRule> rules = List.of(new EarlyStoppingRule("accuracy", "0.5", "less", 0));

        assertThat(EarlyStoppingRules.shouldStop(rules, objective("minimize"), logs("accuracy", "0.7", "0.6", "0.4")))
                .isTrue();
    }

    @Test
    void everyRuleMustBeMet_andUnavailableValuesAreSkipped() {
        List<EarlyStoppingRule> rules = List.of(new EarlyStoppingRule("loss", "1.0", "greater", 0),
                new EarlyStoppingRule("accuracy", "0.5", "equal", 0));
        List<MetricLog> onlyLoss = logs("loss", "unavailable", "2");
        List<MetricLog> both = new ArrayList<>(onlyLoss);
        both.addAll(logs("accuracy", "0.5"));

        assertThat(EarlyStoppingRules.shouldStop(rules, objective("minimize"), onlyLoss)).isFalse();
        assertThat(EarlyStoppingRules.shouldStop(rules, objective("minimize"), both)).isTrue();
        assertThat(EarlyStoppingRules.shouldStop(List.of(), objective("minimize"), both)).isFalse();
    }
}

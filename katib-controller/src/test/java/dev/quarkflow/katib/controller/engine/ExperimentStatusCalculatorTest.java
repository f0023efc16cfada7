package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.Trial;

class ExperimentStatusCalculatorTest {

    private static List<String> conditions(Experiment experiment) {
        return experiment.status().conditions.stream().map(c -> c.type + "=" + c.status + ":" + c.reason).toList();
    }

    private static Experiment created() {
        Experiment experiment = TestExperiments.defaulted();
        ExperimentStatusCalculator.markCreated(experiment, "t0");
        return experiment;
    }

    @Test
    void runningTrials_keepTheExperimentRunning_withCountsAndBuckets() {
        Experiment experiment = created();
        List<Trial> trials = List.of(TestTrials.running(experiment, "a"), TestTrials.created(experiment, "b"),
                TestTrials.succeeded(experiment, "c", "0.5"));

        ExperimentStatusCalculator.update(experiment, trials, "t1");

        assertThat(conditions(experiment)).containsExactly("Created=True:ExperimentCreated",
                "Running=True:ExperimentRunning");
        assertThat(experiment.status().trials).isEqualTo(3);
        assertThat(experiment.status().runningTrialList).containsExactly("a");
        assertThat(experiment.status().pendingTrialList).containsExactly("b");
        assertThat(experiment.status().trialsSucceeded).isEqualTo(1);
        assertThat(experiment.status().currentOptimalTrial.bestTrialName).isEqualTo("c");
    }

    @Test
    void goalReached_succeeds_andFlipsRunningToFalse() {
        Experiment experiment = created();
        ExperimentStatusCalculator.update(experiment, List.of(TestTrials.running(experiment, "a")), "t1");

        ExperimentStatusCalculator.update(experiment,
                List.of(TestTrials.succeeded(experiment, "a", "0.3"), TestTrials.succeeded(experiment, "b", "0.05")),
                "t2");

        assertThat(conditions(experiment)).containsExactly("Created=True:ExperimentCreated",
                "Running=False:ExperimentRunning", "Succeeded=True:ExperimentGoalReached");
        assertThat(experiment.status().currentOptimalTrial.bestTrialName).isEqualTo("b");
        assertThat(experiment.status().currentOptimalTrial.parameterAssignments).extracting(p -> p.value)
                .containsExactly("b");
        assertThat(experiment.status().completionTime).isEqualTo("t2");
    }

    @Test
    void maxFailedTrials_fails_beforeMaxTrialsIsConsidered() {
        Experiment experiment = created();

        ExperimentStatusCalculator.update(experiment, List.of(TestTrials.failed(experiment, "a"),
                TestTrials.failed(experiment, "b"), TestTrials.succeeded(experiment, "c", "0.5"),
                TestTrials.succeeded(experiment, "d", "0.6")), "t1");

        assertThat(conditions(experiment)).containsExactly("Created=True:ExperimentCreated",
                "Failed=True:ExperimentFailed");
        assertThat(experiment.status().failedTrialList).containsExactly("a", "b");
    }

    @Test
    void maxTrialsReached_succeeds() {
        Experiment experiment = created();
        List<Trial> trials = List.of(TestTrials.succeeded(experiment, "a", "0.5"),
                TestTrials.succeeded(experiment, "b", "0.4"), TestTrials.failed(experiment, "c"),
                TestTrials.succeeded(experiment, "d", "0.6"));

        ExperimentStatusCalculator.update(experiment, trials, "t1");

        assertThat(ExperimentStatusCalculator.isSucceeded(experiment)).isTrue();
        assertThat(experiment.status().condition(KatibNames.SUCCEEDED).orElseThrow().reason)
                .isEqualTo("ExperimentMaxTrialsReached");
    }

    @Test
    void metricsUnavailableTrials_countAsFailures() {
        Experiment experiment = created();
        Trial noMetrics = TestTrials.running(experiment, "a");
        TrialStates.apply(noMetrics, new JobStatus(JobStatus.Condition.SUCCEEDED, null, null), "t2");
        Trial noMetricsToo = TestTrials.running(experiment, "b");
        TrialStates.apply(noMetricsToo, new JobStatus(JobStatus.Condition.SUCCEEDED, null, null), "t2");

        ExperimentStatusCalculator.update(experiment, List.of(noMetrics, noMetricsToo), "t3");

        assertThat(noMetrics.status.condition(KatibNames.METRICS_UNAVAILABLE).orElseThrow().reason)
                .isEqualTo("MetricsUnavailable");
        assertThat(ExperimentStatusCalculator.isFailed(experiment)).isTrue();
    }

    @Test
    void completedExperiment_keepsItsCondition_andConditionWritesAreNoOpsWhenUnchanged() {
        Experiment experiment = created();
        ExperimentStatusCalculator.update(experiment, List.of(TestTrials.succeeded(experiment, "a", "0.01")), "t1");
        List<Condition> before = List.copyOf(experiment.status().conditions);

        ExperimentStatusCalculator.update(experiment, List.of(TestTrials.succeeded(experiment, "a", "0.01")), "t9");

        assertThat(experiment.status().conditions).containsExactlyElementsOf(before);
        assertThat(experiment.status().conditions).allSatisfy(c -> assertThat(c.lastUpdateTime).isNotEqualTo("t9"));
    }

    @Test
    void restartOnlyWhenRestartable_andMaxRaisedAboveTrials() {
        Experiment experiment = created();
        experiment.spec.resumePolicy = KatibNames.RESUME_LONG_RUNNING;
        experiment.spec.objective.goal = null;
        ExperimentStatusCalculator.update(experiment, List.of(TestTrials.succeeded(experiment, "a", "1"),
                TestTrials.succeeded(experiment, "b", "1"), TestTrials.succeeded(experiment, "c", "1"),
                TestTrials.succeeded(experiment, "d", "1")), "t1");
        assertThat(ExperimentStatusCalculator.shouldRestart(experiment)).isFalse();

        experiment.spec.maxTrialCount = 6;

        assertThat(ExperimentStatusCalculator.shouldRestart(experiment)).isTrue();
        ExperimentStatusCalculator.markRestarting(experiment, "t2");
        assertThat(conditions(experiment)).containsExactly("Created=True:ExperimentCreated",
                "Restarting=True:ExperimentRestarting");
    }
}

package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ObjectiveSpec.MetricStrategy;

class ExperimentDefaultsTest {

    @Test
    void fillsUpstreamDefaults_forAJobExperiment() {
        Experiment experiment = TestExperiments.defaulted(TestExperiments.RANDOM.replace("parallelTrialCount: 2", ""));

        assertThat(experiment.spec.parallelTrialCount).isEqualTo(3);
        assertThat(experiment.spec.resumePolicy).isEqualTo("Never");
        assertThat(experiment.spec.metricsCollectorSpec.kind()).isEqualTo("StdOut");
        assertThat(experiment.spec.parameters).allSatisfy(p -> assertThat(p.feasibleSpace.distribution)
                .isEqualTo("uniform"));
        assertThat(experiment.spec.trialTemplate.successCondition).isEqualTo(ExperimentDefaults.JOB_SUCCESS);
        assertThat(experiment.spec.trialTemplate.failureCondition).isEqualTo(ExperimentDefaults.JOB_FAILURE);
    }

    @Test
    void givesAdditionalMetricsTheObjectiveTypesStrategy_notLatest() {
        Experiment experiment = TestExperiments.defaulted();

        assertThat(experiment.spec.objective.metricStrategies).extracting(s -> s.name + "=" + s.value)
                .containsExactly("loss=min", "accuracy=min");
    }

    @Test
    void keepsGivenStrategies() {
        Experiment experiment = ExperimentReader.read(TestExperiments.RANDOM);
        experiment.spec.objective.metricStrategies = new java.util.ArrayList<>(
                java.util.List.of(new MetricStrategy("accuracy", "latest")));

        ExperimentDefaults.apply(experiment);

        assertThat(experiment.spec.objective.metricStrategies).extracting(s -> s.name + "=" + s.value)
                .containsExactly("accuracy=latest", "loss=min");
    }

    @Test
    void kubeflowJobsGetSucceededCondition_andMasterPrimaryPodLabels() {
        Experiment experiment = TestExperiments
                .defaulted(TestExperiments.RANDOM.replace("apiVersion: batch/v1\n      kind: Job",
                        "apiVersion: kubeflow.org/v1\n      kind: PyTorchJob"));

        assertThat(experiment.spec.trialTemplate.successCondition)
                .isEqualTo(ExperimentDefaults.KUBEFLOW_JOB_SUCCESS);
        assertThat(experiment.spec.trialTemplate.primaryPodLabels)
                .containsEntry("training.kubeflow.org/job-role", "master");
    }

    @Test
    void fileCollectorGetsDefaultPathAndTextFormat() {
        Experiment experiment = ExperimentReader.read(TestExperiments.RANDOM.replace("  algorithm:\n",
                "  metricsCollectorSpec:\n    collector:\n      kind: File\n  algorithm:\n"));

        ExperimentDefaults.apply(experiment);

        var path = experiment.spec.metricsCollectorSpec.source.fileSystemPath;
        assertThat(path.path).isEqualTo("/var/log/katib/metrics.log");
        assertThat(path.kind).isEqualTo("File");
        assertThat(path.format).isEqualTo("TEXT");
    }
}

package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkloadSuspensionTest {

    @Test
    void jobsAndTrainingJobsHaveTheirOwnSwitch_otherKindsNone() {
        assertThat(WorkloadSuspension.suspendField("batch/v1", "Job")).contains(List.of("spec", "suspend"));
        assertThat(WorkloadSuspension.suspendField("kubeflow.org/v1", "PyTorchJob"))
                .contains(List.of("spec", "runPolicy", "suspend"));
        assertThat(WorkloadSuspension.suspendField("kubeflow.org/v1", "MPIJob"))
                .contains(List.of("spec", "runPolicy", "suspend"));
        assertThat(WorkloadSuspension.suspendField("trainer.kubeflow.org/v1alpha1", "TrainJob"))
                .contains(List.of("spec", "suspend"));
        assertThat(WorkloadSuspension.suspendField("argoproj.io/v1alpha1", "Workflow")).isEmpty();
        assertThat(WorkloadSuspension.suspendField("kubeflow.org/v1beta1", "Experiment")).isEmpty();
        assertThat(WorkloadSuspension.suspendField("v1", "Job")).isEmpty();
    }
}

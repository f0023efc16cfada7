package dev.quarkflow.training.engine;

import static dev.quarkflow.training.engine.Fixtures.NOW;
import static dev.quarkflow.training.engine.Fixtures.exited;
import static dev.quarkflow.training.engine.Fixtures.pod;
import static dev.quarkflow.training.engine.Fixtures.pods;
import static dev.quarkflow.training.engine.Fixtures.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.PyTorchJob;
import dev.quarkflow.training.api.RunPolicy;
import dev.quarkflow.training.plugins.PyTorchPlugin;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;

class JobPlannerLifecycleTest {

    private final PyTorchPlugin plugin = new PyTorchPlugin();

    private PyTorchJob job() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class);
        job.getSpec().setRunPolicy(new RunPolicy());
        job.setStatus(Fixtures.plan(plugin, job).status());
        return job;
    }

    private Plan plan(PyTorchJob job, List<Pod> pods, Instant now) {
        return JobPlanner.plan(plugin, job, new Observed(pods, List.of(), List.of()), EngineSettings.defaults(), now);
    }

    private List<Pod> created(PyTorchJob job, String phase) {
        return pods(Fixtures.plan(plugin, job).creates()).stream().map(p -> withPhase(p, phase)).toList();
    }

    private static String last(Plan plan) {
        List<JobCondition> conditions = plan.status().getConditions();
        JobCondition c = conditions.get(conditions.size() - 1);
        return c.getType() + "/" + c.getReason();
    }

    @Test
    void deletesFailedPodAndRestarts_whenOnFailure() {
        PyTorchJob job = job();
        Pod failed = exited(pod(Fixtures.plan(plugin, job), "pytorch-simple-worker-0"), "pytorch", 1);

        Plan plan = plan(job, List.of(failed), NOW);

        assertThat(Fixtures.names(plan.deletes())).containsExactly("Pod/pytorch-simple-worker-0");
        assertThat(last(plan)).isEqualTo("Restarting/PyTorchJobRestarting");
    }

    @Test
    void failsOnPermanentExitCode_restartsOnSignal_whenExitCodePolicy() {
        PyTorchJob job = job();
        job.getSpec().getPytorchReplicaSpecs().get("Worker").setRestartPolicy("ExitCode");
        Pod worker = pod(Fixtures.plan(plugin, job), "pytorch-simple-worker-0");

        Plan permanent = plan(job, List.of(exited(worker, "pytorch", 2)), NOW);
        Plan signal = plan(job, List.of(exited(worker, "pytorch", 143)), NOW);

        assertThat(worker.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(permanent.deletes()).isEmpty();
        assertThat(last(permanent)).isEqualTo("Failed/PyTorchJobFailed");
        assertThat(permanent.status().getCompletionTime()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(Fixtures.names(signal.deletes())).containsExactly("Pod/pytorch-simple-worker-0");
        assertThat(last(signal)).isEqualTo("Restarting/PyTorchJobRestarting");
    }

    @Test
    void failsJob_whenContainerRestartsReachBackoffLimit() {
        PyTorchJob job = job();
        job.getSpec().getRunPolicy().setBackoffLimit(3);
        List<Pod> pods = created(job, "Running");
        pods.get(0).getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("pytorch")
                .withRestartCount(3).build()));

        Plan plan = plan(job, pods, NOW);

        assertThat(last(plan)).isEqualTo("Failed/PyTorchJobFailed");
        assertThat(plan.status().getConditions().get(plan.status().getConditions().size() - 1).getMessage())
                .isEqualTo("Job pytorch-simple has failed because it has reached the specified backoff limit");
        assertThat(pods(plan.creates())).isEmpty();
    }

    @Test
    void failsJob_afterActiveDeadline_andRequeuesBeforeIt() {
        PyTorchJob job = job();
        job.getSpec().getRunPolicy().setActiveDeadlineSeconds(60L);
        job.getSpec().getRunPolicy().setCleanPodPolicy("All");
        List<Pod> running = created(job, "Running");
        Plan first = plan(job, running, NOW);
        job.setStatus(first.status());

        Plan late = plan(job, running, NOW.plusSeconds(60));

        assertThat(first.requeueAfter()).contains(Duration.ofSeconds(60));
        assertThat(last(late)).isEqualTo("Failed/PyTorchJobFailed");
        assertThat(late.status().getConditions().get(late.status().getConditions().size() - 1).getMessage())
                .contains("active longer than specified deadline");
        assertThat(Fixtures.names(late.deletes())).containsExactlyInAnyOrder("Pod/pytorch-simple-master-0",
                "Pod/pytorch-simple-worker-0");
    }

    @Test
    void suspendTearsDown_thenResumeResetsStartTime() {
        PyTorchJob job = job();
        List<Pod> running = created(job, "Running");
        job.setStatus(plan(job, running, NOW).status());
        job.getSpec().getRunPolicy().setSuspend(true);

        Plan suspended = plan(job, running, NOW.plusSeconds(10));
        job.setStatus(suspended.status());
        job.getSpec().getRunPolicy().setSuspend(false);
        Plan resumed = plan(job, List.of(), NOW.plusSeconds(20));

        assertThat(Fixtures.names(suspended.deletes())).hasSize(2);
        assertThat(suspended.status().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
                .containsExactly("Created=True/PyTorchJobCreated", "Running=False/PyTorchJobSuspended",
                        "Suspended=True/PyTorchJobSuspended");
        assertThat(suspended.status().getReplicaStatuses().get("Master").getActive()).isZero();
        assertThat(pods(resumed.creates())).hasSize(2);
        assertThat(last(resumed)).isEqualTo("Suspended/PyTorchJobResumed");
        assertThat(resumed.status().getStartTime()).isEqualTo("2025-01-01T00:00:20Z");
    }

    @Test
    void deletesJobOnlyAfterTtl() {
        PyTorchJob job = job();
        job.getSpec().getRunPolicy().setTtlSecondsAfterFinished(30);
        Pod master = pod(Fixtures.plan(plugin, job), "pytorch-simple-master-0");
        job.setStatus(plan(job, List.of(exited(master, "pytorch", 0)), NOW).status());

        Plan early = plan(job, List.of(), NOW.plusSeconds(10));
        Plan due = plan(job, List.of(), NOW.plusSeconds(30));

        assertThat(early.deleteJob()).isFalse();
        assertThat(early.requeueAfter()).contains(Duration.ofSeconds(20));
        assertThat(due.deleteJob()).isTrue();
    }

    @Test
    void ignoresJob_whenManagedByAnotherController() {
        PyTorchJob job = job();
        job.getSpec().getRunPolicy().setManagedBy("kueue.x-k8s.io/multikueue");

        Plan plan = plan(job, List.of(), NOW);

        assertThat(plan.creates()).isEmpty();
        assertThat(plan.status()).isEqualTo(job.getStatus());
    }

    @Test
    void createsVolcanoPodGroupAndAnnotatesPods_whenGangScheduling() {
        PyTorchJob job = job();
        var settings = new EngineSettings(java.util.Optional.of("volcano"), "alpine:3.10", 100, "kd",
                java.util.Optional.empty());

        Plan plan = JobPlanner.plan(plugin, job, Observed.none(), settings, NOW);

        GenericKubernetesResource group = plan.creates().stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        assertThat(group.getApiVersion()).isEqualTo("scheduling.volcano.sh/v1beta1");
        assertThat(group.getMetadata().getName()).isEqualTo("pytorch-simple");
        assertThat(group.<Object> get("spec", "minMember")).isEqualTo(2);
        assertThat(group.<Object> get("spec", "queue")).isEqualTo("default");
        Pod master = pod(plan, "pytorch-simple-master-0");
        assertThat(master.getSpec().getSchedulerName()).isEqualTo("volcano");
        assertThat(master.getMetadata().getAnnotations()).containsEntry("scheduling.k8s.io/group-name", "pytorch-simple")
                .containsEntry("volcano.sh/task-spec", "master");
    }

    @Test
    void keepsTransitionTime_whenOnlyReasonChanges_andFreezesAfterFailure() {
        var status = new dev.quarkflow.training.api.JobStatus();
        JobConditions.set(status, "Running", "True", "A", "m", "t1");
        JobConditions.set(status, "Running", "True", "B", "m", "t2");
        JobConditions.set(status, "Failed", "True", "F", "m", "t3");
        JobConditions.set(status, "Running", "True", "C", "m", "t4");

        assertThat(status.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason() + "@"
                + c.getLastTransitionTime()).containsExactly("Running=False/B@t1", "Failed=True/F@t3");
    }
}

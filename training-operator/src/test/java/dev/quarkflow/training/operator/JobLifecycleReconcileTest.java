package dev.quarkflow.training.operator;

import static dev.quarkflow.training.operator.MockCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.PyTorchJob;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** The run policy and restart rules end to end: PyTorchJobs on the mock API server, pods driven through the client. */
@QuarkusTest
@WithKubernetesTestServer
class JobLifecycleReconcileTest extends MockClusterTest {

    private static final List<String> PODS = List.of("job-master-0", "job-worker-0");

    @Inject
    TestClock clock;

    private PyTorchJob create(String namespace, UnaryOperator<PyTorchJob> edit) {
        PyTorchJob job = cluster.create("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class, namespace, "job",
                edit);
        await().atMost(WAIT).until(() -> cluster.podNames(namespace).equals(PODS)
                && cluster.serviceNames(namespace).equals(PODS));
        return job;
    }

    private List<String> conditions(String namespace) {
        return cluster.conditions(PyTorchJob.class, namespace, "job");
    }

    private JobCondition last(String namespace) {
        List<JobCondition> conditions = cluster.job(PyTorchJob.class, namespace, "job").getStatus().getConditions();
        return conditions.get(conditions.size() - 1);
    }

    private void editSpec(String namespace, UnaryOperator<PyTorchJob> edit) {
        client.resources(PyTorchJob.class).inNamespace(namespace).withName("job").edit(edit);
    }

    @Test
    void recreatesPodOnRetryableExitCode_thenFailsOnPermanentOne() {
        create("exit-code", job -> {
            job.getSpec().getPytorchReplicaSpecs().get("Worker").setRestartPolicy("ExitCode");
            return job;
        });
        String firstUid = cluster.pod("exit-code", "job-worker-0").getMetadata().getUid();
        assertThat(cluster.pod("exit-code", "job-worker-0").getSpec().getRestartPolicy()).isEqualTo("Never");

        cluster.exit("exit-code", "job-worker-0", "pytorch", 137);

        await().atMost(WAIT).untilAsserted(() -> {
            var worker = cluster.pod("exit-code", "job-worker-0");
            assertThat(worker).isNotNull();
            assertThat(worker.getMetadata().getUid()).isNotEqualTo(firstUid);
            assertThat(conditions("exit-code")).containsExactly("Created=True", "Restarting=True");
        });
        assertThat(last("exit-code").getReason()).isEqualTo("PyTorchJobRestarting");

        cluster.exit("exit-code", "job-worker-0", "pytorch", 1);

        await().atMost(WAIT).until(() -> conditions("exit-code").contains("Failed=True"));
        assertThat(last("exit-code").getReason()).isEqualTo("PyTorchJobFailed");
        assertThat(cluster.job(PyTorchJob.class, "exit-code", "job").getStatus().getCompletionTime()).isNotNull();
        assertThat(cluster.pod("exit-code", "job-worker-0").getStatus().getPhase())
                .as("a permanent failure is not retried: the failed pod stays for inspection").isEqualTo("Failed");
    }

    @Test
    void failsJob_whenContainerRestartsReachBackoffLimit_andCleansAllPods() {
        create("backoff", job -> {
            job.getSpec().runPolicy().setBackoffLimit(2);
            job.getSpec().runPolicy().setCleanPodPolicy("All");
            return job;
        });
        cluster.running("backoff", "job-master-0");
        cluster.restarted("backoff", "job-worker-0", "pytorch", 1);
        await().atMost(WAIT).until(() -> conditions("backoff").equals(List.of("Created=True", "Running=True")));

        cluster.restarted("backoff", "job-worker-0", "pytorch", 2);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(conditions("backoff")).containsExactly("Created=True", "Running=False", "Failed=True");
            assertThat(cluster.podNames("backoff")).isEmpty();
            assertThat(cluster.serviceNames("backoff")).isEmpty();
        });
        assertThat(last("backoff").getReason()).isEqualTo("PyTorchJobFailed");
        assertThat(last("backoff").getMessage())
                .isEqualTo("Job job has failed because it has reached the specified backoff limit");
    }

    @Test
    void failsJob_onceActiveDeadlinePassed() {
        create("deadline", job -> {
            job.getSpec().runPolicy().setActiveDeadlineSeconds(600L);
            return job;
        });
        cluster.running("deadline", "job-master-0", "job-worker-0");
        await().atMost(WAIT).until(() -> conditions("deadline").equals(List.of("Created=True", "Running=True")));

        cluster.reconciledAfter("deadline", "job", () -> cluster.touch("deadline", "job-worker-0", "before"));
        assertThat(conditions("deadline")).as("before the deadline").containsExactly("Created=True", "Running=True");
        clock.advance(Duration.ofSeconds(600));
        cluster.touch("deadline", "job-worker-0", "after");

        await().atMost(WAIT).until(() -> conditions("deadline").contains("Failed=True"));
        assertThat(last("deadline").getReason()).isEqualTo("PyTorchJobFailed");
        assertThat(last("deadline").getMessage())
                .isEqualTo("Job job has failed because it was active longer than specified deadline");
        assertThat(cluster.podNames("deadline")).as("cleanPodPolicy defaults to None").isEqualTo(PODS);
    }

    @Test
    void suspendDeletesPodsAndServices_resumeBringsThemBack() {
        create("suspend", UnaryOperator.identity());
        cluster.running("suspend", "job-master-0", "job-worker-0");
        await().atMost(WAIT).until(() -> conditions("suspend").equals(List.of("Created=True", "Running=True")));

        editSpec("suspend", job -> {
            job.getSpec().runPolicy().setSuspend(true);
            return job;
        });

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cluster.podNames("suspend")).isEmpty();
            assertThat(cluster.serviceNames("suspend")).isEmpty();
            assertThat(conditions("suspend")).containsExactly("Created=True", "Running=False", "Suspended=True");
        });
        assertThat(last("suspend").getReason()).isEqualTo("PyTorchJobSuspended");
        assertThat(cluster.job(PyTorchJob.class, "suspend", "job").getStatus().getReplicaStatuses().get("Master")
                .getActive()).isZero();

        editSpec("suspend", job -> {
            job.getSpec().runPolicy().setSuspend(false);
            return job;
        });

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cluster.podNames("suspend")).isEqualTo(PODS);
            assertThat(cluster.serviceNames("suspend")).isEqualTo(PODS);
            assertThat(conditions("suspend")).containsExactly("Created=True", "Running=False", "Suspended=False");
        });
        assertThat(last("suspend").getReason()).isEqualTo("PyTorchJobResumed");
        cluster.running("suspend", "job-master-0", "job-worker-0");
        await().atMost(WAIT).until(() -> conditions("suspend").equals(List.of("Created=True", "Suspended=False",
                "Running=True")));
    }

    @Test
    void deletesFinishedJob_afterTtlSecondsAfterFinished() {
        create("ttl", job -> {
            job.getSpec().runPolicy().setTtlSecondsAfterFinished(1);
            return job;
        });

        cluster.exit("ttl", "job-master-0", "pytorch", 0);

        // no event after success: only the operator's own requeue at completionTime + 1 s can delete the job
        await().atMost(WAIT).until(() -> cluster.job(PyTorchJob.class, "ttl", "job") == null);
        assertThat(cluster.podNames("ttl")).as("cleanPodPolicy None; the cluster's GC removes them through owners")
                .isEqualTo(PODS);
    }

    @Test
    void everyChildCarriesControllerOwnerReference_soDeletingTheJobCascades() {
        PyTorchJob job = create("deletion", UnaryOperator.identity());
        List<HasMetadata> children = List.of(cluster.pod("deletion", "job-master-0"), cluster.pod("deletion", "job-worker-0"),
                cluster.service("deletion", "job-master-0"), cluster.service("deletion", "job-worker-0"));

        assertThat(children).allSatisfy(child -> assertThat(MockCluster.ownedBy(child, job)).as(child.getKind()).isTrue());

        client.resource(job).delete();

        await().atMost(WAIT).until(() -> cluster.job(PyTorchJob.class, "deletion", "job") == null);
    }
}

package dev.quarkflow.training.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.PyTorchJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.FrameworkPlugin;
import dev.quarkflow.training.engine.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

@QuarkusTest
@WithKubernetesTestServer
class PyTorchJobReconcilerTest extends MockClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @Any
    Instance<FrameworkPlugin<?>> plugins;

    @Test
    void hasExactlyOnePluginPerKind() {
        List<String> kinds = plugins.stream().map(FrameworkPlugin::kind).sorted().toList();

        assertThat(kinds).containsExactly("JAXJob", "MPIJob", "PaddleJob", "PyTorchJob", "TFJob", "XGBoostJob");
    }

    private PyTorchJob create(String namespace, String name) {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class);
        job.getMetadata().setNamespace(namespace);
        job.getMetadata().setName(name);
        job.getMetadata().setUid(null);
        return client.resource(job).create();
    }

    private PyTorchJob job(String namespace, String name) {
        return client.resources(PyTorchJob.class).inNamespace(namespace).withName(name).get();
    }

    private List<String> conditions(String namespace, String name) {
        PyTorchJob job = job(namespace, name);
        return job.getStatus() == null || job.getStatus().getConditions() == null ? List.of()
                : job.getStatus().getConditions().stream().map(c -> c.getType() + "=" + c.getStatus()).toList();
    }

    @Test
    void createsOwnedPodsAndServices_thenFollowsPodPhasesIntoConditions() throws InterruptedException {
        PyTorchJob created = create("team-a", "mnist");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(client.pods().inNamespace("team-a").list().getItems()).extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("mnist-master-0", "mnist-worker-0");
            assertThat(client.services().inNamespace("team-a").list().getItems())
                    .extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder("mnist-master-0", "mnist-worker-0");
        });
        Pod master = client.pods().inNamespace("team-a").withName("mnist-master-0").get();
        assertThat(master.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo(created.getMetadata().getUid());
            assertThat(ref.getController()).isTrue();
        });
        assertThat(master.getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master");
        await().atMost(WAIT).until(() -> conditions("team-a", "mnist").equals(List.of("Created=True")));

        cluster.phase("team-a", "mnist-master-0", "Running");
        cluster.phase("team-a", "mnist-worker-0", "Running");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(conditions("team-a", "mnist")).containsExactly("Created=True", "Running=True");
            assertThat(job("team-a", "mnist").getStatus().getReplicaStatuses().get("Worker").getActive()).isEqualTo(1);
        });

        cluster.exit("team-a", "mnist-master-0", "pytorch", 0);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(conditions("team-a", "mnist")).containsExactly("Created=True", "Running=False", "Succeeded=True");
            var status = job("team-a", "mnist").getStatus();
            assertThat(status.getCompletionTime()).isNotNull();
            assertThat(status.getReplicaStatuses().get("Master").getSucceeded()).isEqualTo(1);
            assertThat(status.getReplicaStatuses().get("Master").getActive()).isZero();
        });
        JobCondition succeeded = job("team-a", "mnist").getStatus().getConditions().get(2);
        assertThat(succeeded.getReason()).isEqualTo("PyTorchJobSucceeded");

        int writesWhenDone = cluster.statusWrites("pytorchjobs", "mnist");
        cluster.reconciledAfter("team-a", "mnist", () -> cluster.touch("team-a", "mnist-worker-0", "1"));
        cluster.reconciledAfter("team-a", "mnist", () -> cluster.touch("team-a", "mnist-master-0", "1"));

        assertThat(writesWhenDone).as("one write per observed change: Created, Running, replica counts, Succeeded")
                .isBetween(3, 6);
        assertThat(cluster.statusWrites("pytorchjobs", "mnist")).as("reconciles without change write nothing")
                .isEqualTo(writesWhenDone);
    }
}

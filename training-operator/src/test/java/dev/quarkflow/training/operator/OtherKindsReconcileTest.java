package dev.quarkflow.training.operator;

import static dev.quarkflow.training.operator.MockCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.MPIJob;
import dev.quarkflow.training.api.TFJob;
import dev.quarkflow.training.engine.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** Kinds other than PyTorchJob end to end on the mock API server: TFJob (TF_CONFIG) and MPIJob (launcher, hostfile). */
@QuarkusTest
@WithKubernetesTestServer
class OtherKindsReconcileTest extends MockClusterTest {

    private static JobCondition last(KubeflowJob<?> job) {
        List<JobCondition> conditions = job.getStatus().getConditions();
        return conditions.get(conditions.size() - 1);
    }

    private static String env(Pod pod, String container, String name) {
        return pod.getSpec().getContainers().stream().filter(c -> container.equals(c.getName())).findFirst().orElseThrow()
                .getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst().orElseThrow();
    }

    @Test
    void tfJob_podsFindEachOtherThroughTfConfig_andWorkerZeroDecidesSuccess() {
        cluster.create("kubeflow.org-tfjob", "tensorflow-simple.yaml", TFJob.class, "tf", "dist", UnaryOperator.identity());
        List<String> names = List.of("dist-worker-0", "dist-worker-1");
        await().atMost(WAIT).until(() -> cluster.podNames("tf").equals(names) && cluster.serviceNames("tf").equals(names));

        Map<?, ?> tfConfig = Serialization.unmarshal(env(cluster.pod("tf", "dist-worker-1"), "tensorflow", "TF_CONFIG"),
                Map.class);
        assertThat(tfConfig).isEqualTo(Map.of(
                "cluster", Map.of("worker", List.of("dist-worker-0.tf.svc:2222", "dist-worker-1.tf.svc:2222")),
                "task", Map.of("type", "worker", "index", 1),
                "environment", "cloud"));
        assertThat(cluster.service("tf", "dist-worker-1").getSpec().getClusterIP()).isEqualTo("None");
        assertThat(cluster.service("tf", "dist-worker-1").getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getName() + ":" + port.getPort()).isEqualTo("tfjob-port:2222"));

        cluster.running("tf", "dist-worker-0", "dist-worker-1");
        await().atMost(WAIT).until(() -> cluster.conditions(TFJob.class, "tf", "dist")
                .equals(List.of("Created=True", "Running=True")));
        cluster.exit("tf", "dist-worker-0", "tensorflow", 0);

        await().atMost(WAIT).until(() -> cluster.conditions(TFJob.class, "tf", "dist").contains("Succeeded=True"));
        TFJob job = cluster.job(TFJob.class, "tf", "dist");
        assertThat(last(job).getReason()).isEqualTo("TFJobSucceeded");
        assertThat(job.getStatus().getReplicaStatuses().get("Worker").getSucceeded()).isEqualTo(2);
    }

    @Test
    void mpiJob_launcherGetsHostfileAndExecRights_andDecidesTheOutcome() {
        MPIJob job = cluster.create("kubeflow.org-mpijob", "mpi-tensorflow-mnist.yaml", MPIJob.class, "mpi", "mnist",
                UnaryOperator.identity());
        await().atMost(WAIT).until(() -> cluster.podNames("mpi").equals(List.of("mnist-launcher", "mnist-worker-0",
                "mnist-worker-1")) && client.configMaps().inNamespace("mpi").withName("mnist-config").get() != null
                && client.serviceAccounts().inNamespace("mpi").withName("mnist-launcher").get() != null
                && client.rbac().roles().inNamespace("mpi").withName("mnist-launcher").get() != null
                && client.rbac().roleBindings().inNamespace("mpi").withName("mnist-launcher").get() != null);

        ConfigMap config = client.configMaps().inNamespace("mpi").withName("mnist-config").get();
        assertThat(config.getData()).containsEntry("hostfile", "mnist-worker-0 slots=1\nmnist-worker-1 slots=1\n");
        Role role = client.rbac().roles().inNamespace("mpi").withName("mnist-launcher").get();
        assertThat(role.getRules()).anySatisfy(rule -> {
            assertThat(rule.getResources()).containsExactly("pods/exec");
            assertThat(rule.getResourceNames()).containsExactly("mnist-worker-0", "mnist-worker-1");
        });
        RoleBinding binding = client.rbac().roleBindings().inNamespace("mpi").withName("mnist-launcher").get();
        ServiceAccount account = client.serviceAccounts().inNamespace("mpi").withName("mnist-launcher").get();
        Pod launcher = cluster.pod("mpi", "mnist-launcher");
        assertThat(launcher.getSpec().getServiceAccountName()).isEqualTo("mnist-launcher");
        assertThat(env(launcher, "mpi", "OMPI_MCA_orte_default_hostfile")).isEqualTo("/etc/mpi/hostfile");
        assertThat(launcher.getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master");
        assertThat(cluster.serviceNames("mpi")).as("MPI workers are reached by kubectl exec, not Services").isEmpty();
        MPIJob created = cluster.job(MPIJob.class, "mpi", "mnist");
        List<HasMetadata> children = List.of(config, role, binding, account, launcher, cluster.pod("mpi", "mnist-worker-0"));
        assertThat(children).allSatisfy(child -> assertThat(MockCluster.ownedBy(child, created)).as(child.getKind()).isTrue());

        cluster.running("mpi", "mnist-worker-0", "mnist-worker-1", "mnist-launcher");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cluster.conditions(MPIJob.class, "mpi", "mnist")).containsExactly("Created=True", "Running=True");
            assertThat(client.configMaps().inNamespace("mpi").withName("mnist-config").get().getData())
                    .containsEntry("discover_hosts.sh", "#!/bin/sh\necho mnist-worker-0:1\necho mnist-worker-1:1\n");
        });
        cluster.exit("mpi", "mnist-launcher", "mpi", 0);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cluster.conditions(MPIJob.class, "mpi", "mnist")).containsExactly("Created=True", "Running=False",
                    "Succeeded=True");
            assertThat(cluster.podNames("mpi")).as("cleanPodPolicy Running: only the finished launcher stays")
                    .containsExactly("mnist-launcher");
        });
        assertThat(last(cluster.job(MPIJob.class, "mpi", "mnist")).getReason()).isEqualTo("MPIJobSucceeded");
        assertThat(job.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    }
}

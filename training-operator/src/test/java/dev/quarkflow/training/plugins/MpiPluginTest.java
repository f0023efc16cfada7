package dev.quarkflow.training.plugins;

import static dev.quarkflow.training.engine.Fixtures.env;
import static dev.quarkflow.training.engine.Fixtures.plan;
import static dev.quarkflow.training.engine.Fixtures.pod;
import static dev.quarkflow.training.engine.Fixtures.pods;
import static dev.quarkflow.training.engine.Fixtures.services;
import static dev.quarkflow.training.engine.Fixtures.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.MPIJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Labels;
import dev.quarkflow.training.engine.Plan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.Role;

class MpiPluginTest {

    private final MpiPlugin plugin = new MpiPlugin();

    static Stream<Path> conformanceJobs() {
        return Fixtures.conformance("kubeflow.org-mpijob").stream();
    }

    @ParameterizedTest
    @MethodSource("conformanceJobs")
    void createsLauncherWorkersConfigAndRbac_butNoServices(Path file) {
        MPIJob job = Fixtures.load(file, MPIJob.class);
        String n = job.getMetadata().getName();

        Plan plan = plan(plugin, job);

        assertThat(services(plan.creates())).isEmpty();
        assertThat(Fixtures.names(plan.creates())).contains("Pod/" + n + "-launcher", "Pod/" + n + "-worker-0",
                "Pod/" + n + "-worker-1", "ConfigMap/" + n + "-config", "ServiceAccount/" + n + "-launcher",
                "Role/" + n + "-launcher", "RoleBinding/" + n + "-launcher");
        Pod launcher = pod(plan, n + "-launcher");
        assertThat(launcher.getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master")
                .containsEntry(Labels.REPLICA_TYPE, "launcher").doesNotContainKey(Labels.REPLICA_INDEX);
        assertThat(launcher.getSpec().getServiceAccountName()).isEqualTo(n + "-launcher");
        assertThat(launcher.getSpec().getInitContainers()).extracting(c -> c.getName()).containsExactly("kubectl-delivery");
        String first = launcher.getSpec().getContainers().get(0).getName();
        assertThat(env(launcher, first)).containsEntry("OMPI_MCA_plm_rsh_agent", "/etc/mpi/kubexec.sh")
                .containsEntry("OMPI_MCA_orte_default_hostfile", "/etc/mpi/hostfile")
                .containsEntry("NVIDIA_VISIBLE_DEVICES", "")
                .containsEntry("I_MPI_HYDRA_BOOTSTRAP", "rsh");
        Pod worker = pod(plan, n + "-worker-0");
        assertThat(worker.getSpec().getContainers().get(0).getCommand()).containsExactly("sleep");
        assertThat(worker.getSpec().getContainers().get(0).getArgs()).containsExactly("365d");
        assertThat(worker.getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void writesHostfileAndExecRole_forTheWorkers() {
        MPIJob job = Fixtures.conformanceJob("kubeflow.org-mpijob", "mpi-tensorflow-mnist.yaml", MPIJob.class);

        Plan plan = plan(plugin, job);

        ConfigMap config = plan.creates().stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .findFirst().orElseThrow();
        assertThat(config.getData().get("hostfile"))
                .isEqualTo("tensorflow-mnist-worker-0 slots=1\ntensorflow-mnist-worker-1 slots=1\n");
        assertThat(config.getData().get("kubexec.sh")).isEqualTo(
                "#!/bin/sh\nset -x\nPOD_NAME=$1\nshift\n/opt/kube/kubectl exec ${POD_NAME} -- /bin/sh -c \"$*\"");
        Role role = plan.creates().stream().filter(Role.class::isInstance).map(Role.class::cast).findFirst().orElseThrow();
        assertThat(role.getRules().get(1).getResourceNames()).containsExactly("tensorflow-mnist-worker-0",
                "tensorflow-mnist-worker-1");
    }

    @Test
    void followsTheLauncher_andCleansRunningPodsWhenDone() {
        MPIJob job = Fixtures.conformanceJob("kubeflow.org-mpijob", "mpi-tensorflow-mnist.yaml", MPIJob.class);
        Plan created = plan(plugin, job);
        job.setStatus(created.status());
        List<Pod> running = pods(created.creates()).stream().map(p -> withPhase(p, "Running")).toList();

        Plan runningPlan = plan(plugin, job, running);
        job.setStatus(runningPlan.status());
        Plan done = plan(plugin, job, List.of(withPhase(pod(created, "tensorflow-mnist-launcher"), "Succeeded"),
                running.get(1), running.get(2)));

        assertThat(runningPlan.status().getConditions()).extracting(JobCondition::getType).endsWith("Running");
        assertThat(done.status().getConditions()).extracting(JobCondition::getType).endsWith("Succeeded");
        assertThat(Fixtures.names(done.deletes())).as("cleanPodPolicy Running")
                .containsExactlyInAnyOrder("Pod/tensorflow-mnist-worker-0", "Pod/tensorflow-mnist-worker-1");
    }
}

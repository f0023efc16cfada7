package dev.quarkflow.training.plugins;

import static dev.quarkflow.training.engine.Fixtures.env;
import static dev.quarkflow.training.engine.Fixtures.exited;
import static dev.quarkflow.training.engine.Fixtures.plan;
import static dev.quarkflow.training.engine.Fixtures.pod;
import static dev.quarkflow.training.engine.Fixtures.pods;
import static dev.quarkflow.training.engine.Fixtures.services;
import static dev.quarkflow.training.engine.Fixtures.withPhase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.PyTorchJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Labels;
import dev.quarkflow.training.engine.Plan;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;

class PyTorchPluginTest {

    private final PyTorchPlugin plugin = new PyTorchPlugin();

    static Stream<Path> conformanceJobs() {
        return Fixtures.conformance("kubeflow.org-pytorchjob").stream();
    }

    @ParameterizedTest
    @MethodSource("conformanceJobs")
    void createsOnePodAndHeadlessServicePerReplica_forEveryConformanceJob(Path file) {
        PyTorchJob job = Fixtures.load(file, PyTorchJob.class);
        String name = job.getMetadata().getName();

        Plan plan = plan(plugin, job);

        int total = job.getSpec().getPytorchReplicaSpecs().values().stream().mapToInt(s -> s.getReplicas()).sum();
        assertThat(pods(plan.creates())).hasSize(total);
        assertThat(services(plan.creates())).hasSize(total);
        for (Pod pod : pods(plan.creates())) {
            String podName = pod.getMetadata().getName();
            assertThat(podName).matches(name + "-(master|worker)-\\d+");
            assertThat(pod.getMetadata().getLabels()).contains(entry(Labels.JOB_NAME, name),
                    entry(Labels.OPERATOR_NAME, "pytorchjob-controller"));
            assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
                assertThat(ref.getKind()).isEqualTo("PyTorchJob");
                assertThat(ref.getController()).isTrue();
                assertThat(ref.getBlockOwnerDeletion()).isTrue();
            });
            assertThat(env(pod, "pytorch")).containsEntry("PYTHONUNBUFFERED", "1").containsKey("PET_NNODES");
            assertThat(pod.getSpec().getContainers()).filteredOn(c -> c.getName().equals("pytorch")).singleElement()
                    .satisfies(c -> assertThat(c.getPorts()).anyMatch(p -> p.getName().equals("pytorchjob-port")));
        }
        for (Service service : services(plan.creates())) {
            assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
            assertThat(service.getSpec().getSelector()).doesNotContainKey(Labels.JOB_ROLE)
                    .containsEntry(Labels.JOB_NAME, name);
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                    .containsExactly("pytorchjob-port:23456");
        }
        assertThat(plan.status().getConditions()).extracting(JobCondition::getType).containsExactly("Created");
        assertThat(plan.status().getConditions().get(0).getReason()).isEqualTo("PyTorchJobCreated");
    }

    @Test
    void injectsTorchrunEnv_whenMasterAndWorker() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-cpu-demo-demo.yaml", PyTorchJob.class);

        Plan plan = plan(plugin, job);

        Pod master = pod(plan, "torchrun-cpu-master-0");
        assertThat(env(master, "pytorch")).containsExactly(entry("PYTHONUNBUFFERED", "1"), entry("MASTER_PORT", "23456"),
                entry("PET_MASTER_PORT", "23456"), entry("MASTER_ADDR", "torchrun-cpu-master-0"),
                entry("PET_MASTER_ADDR", "torchrun-cpu-master-0"), entry("WORLD_SIZE", "4"), entry("RANK", "0"),
                entry("PET_NODE_RANK", "0"), entry("PET_NPROC_PER_NODE", "2"), entry("PET_NNODES", "2"));
        assertThat(master.getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master")
                .containsEntry(Labels.REPLICA_TYPE, "master").containsEntry(Labels.REPLICA_INDEX, "0");
        assertThat(master.getSpec().getInitContainers()).isNullOrEmpty();
        assertThat(master.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
        Pod worker = pod(plan, "torchrun-cpu-worker-0");
        assertThat(env(worker, "pytorch")).containsEntry("RANK", "1").containsEntry("PET_NODE_RANK", "1");
        assertThat(worker.getMetadata().getLabels()).doesNotContainKey(Labels.JOB_ROLE);
        assertThat(worker.getSpec().getInitContainers()).singleElement().satisfies(init -> {
            assertThat(init.getName()).isEqualTo("init-pytorch");
            assertThat(init.getImage()).isEqualTo("alpine:3.10");
            assertThat(init.getCommand().get(2)).contains("seq 100").contains("nslookup torchrun-cpu-master-0");
        });
    }

    @Test
    void injectsRendezvousEnv_whenElastic() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-elastic-imagenet-imagenet.yaml",
                PyTorchJob.class);

        Plan plan = plan(plugin, job);

        Pod worker0 = pod(plan, "elastic-example-imagenet-worker-0");
        assertThat(env(worker0, "pytorch")).containsExactly(entry("LOGLEVEL", "DEBUG"), entry("PYTHONUNBUFFERED", "1"),
                entry("PET_NPROC_PER_NODE", "auto"),
                entry("PET_RDZV_ENDPOINT", "elastic-example-imagenet-worker-0:23456"), entry("PET_RDZV_BACKEND", "c10d"),
                entry("PET_NNODES", "1:3"), entry("PET_MAX_RESTARTS", "100"));
        assertThat(worker0.getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master");
        assertThat(pod(plan, "elastic-example-imagenet-worker-1").getMetadata().getLabels())
                .doesNotContainKey(Labels.JOB_ROLE);
        assertThat(worker0.getSpec().getInitContainers()).isNullOrEmpty();
        assertThat(plan.status().getReplicaStatuses().get("Worker").getSelector()).isEqualTo(
                "training.kubeflow.org/job-name=elastic-example-imagenet,"
                        + "training.kubeflow.org/operator-name=pytorchjob-controller,training.kubeflow.org/replica-type=worker");
    }

    @Test
    void keepsUserPortNumber_whenPortNameAlreadyDeclared() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class);
        var port = new io.fabric8.kubernetes.api.model.ContainerPort();
        port.setName("pytorchjob-port");
        port.setContainerPort(3000);
        job.getSpec().getPytorchReplicaSpecs().get("Master").getTemplate().getSpec().getContainers().get(0)
                .setPorts(List.of(port));

        Plan plan = plan(plugin, job);

        String name = job.getMetadata().getName();
        assertThat(env(pod(plan, name + "-worker-0"), "pytorch")).containsEntry("MASTER_PORT", "3000");
        assertThat(services(plan.creates())).filteredOn(s -> s.getMetadata().getName().equals(name + "-master-0"))
                .singleElement().satisfies(s -> assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(3000));
    }

    @Test
    void failsWithValidationReason_whenTwoMasters() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class);
        job.getSpec().getPytorchReplicaSpecs().get("Master").setReplicas(2);

        Plan plan = plan(plugin, job);

        assertThat(plan.creates()).isEmpty();
        JobCondition last = plan.status().getConditions().get(plan.status().getConditions().size() - 1);
        assertThat(last.getType()).isEqualTo("Failed");
        assertThat(last.getReason()).isEqualTo("PyTorchJobFailedValidation");
        assertThat(last.getMessage()).contains("spec.pytorchReplicaSpecs.Master.replicas: must be 1");
    }

    @Test
    void failsWithValidationReason_whenNoContainerNamedPytorchOrUnknownType() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class);
        job.getSpec().getPytorchReplicaSpecs().get("Worker").getTemplate().getSpec().getContainers().get(0).setName("main");
        job.getSpec().getPytorchReplicaSpecs().put("Chief", job.getSpec().getPytorchReplicaSpecs().get("Master"));

        Plan plan = plan(plugin, job);

        assertThat(plan.creates()).isEmpty();
        assertThat(plan.status().getConditions().get(0).getMessage())
                .contains("spec.pytorchReplicaSpecs.Worker.template.spec.containers: There is no container named pytorch")
                .contains("spec.pytorchReplicaSpecs: Unsupported value: \"Chief\"");
    }

    @Test
    void runsThenSucceeds_whenMasterRunsThenCompletes() {
        PyTorchJob job = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml", PyTorchJob.class);
        Plan created = plan(plugin, job);
        job.setStatus(created.status());
        String name = job.getMetadata().getName();
        List<Pod> running = pods(created.creates()).stream().map(p -> withPhase(p, "Running")).toList();

        Plan runningPlan = plan(plugin, job, running);
        job.setStatus(runningPlan.status());
        Plan donePlan = plan(plugin, job, List.of(exited(pod(created, name + "-master-0"), "pytorch", 0),
                withPhase(pod(created, name + "-worker-0"), "Running")));

        assertThat(pods(runningPlan.creates())).isEmpty();
        assertThat(runningPlan.status().getConditions()).extracting(JobCondition::getType).containsExactly("Created",
                "Running");
        assertThat(runningPlan.status().getReplicaStatuses().get("Master").getActive()).isEqualTo(1);
        assertThat(runningPlan.status().getStartTime()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(donePlan.status().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .containsExactly("Created=True", "Running=False", "Succeeded=True");
        assertThat(donePlan.status().getCompletionTime()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(donePlan.status().getReplicaStatuses().get("Worker").getSucceeded()).isEqualTo(1);
        assertThat(donePlan.deletes()).as("cleanPodPolicy defaults to None").isEmpty();
    }
}

package dev.quarkflow.training.plugins;

import static dev.quarkflow.training.engine.Fixtures.plan;
import static dev.quarkflow.training.engine.Fixtures.pod;
import static dev.quarkflow.training.engine.Fixtures.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.training.api.PaddleJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Plan;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;

class PaddlePluginTest {

    private final PaddlePlugin plugin = new PaddlePlugin();

    static Stream<Path> conformanceJobs() {
        return Fixtures.conformance("kubeflow.org-paddlejob").stream();
    }

    private static java.util.List<EnvVar> env(Pod pod) {
        return pod.getSpec().getContainers().get(0).getEnv();
    }

    @ParameterizedTest
    @MethodSource("conformanceJobs")
    void workerZeroAnnouncesItsOwnIp_othersUseItsService(Path file) {
        PaddleJob job = Fixtures.load(file, PaddleJob.class);
        String n = job.getMetadata().getName();

        Plan plan = plan(plugin, job);

        assertThat(env(pod(plan, n + "-worker-0"))).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("POD_IP_DUMMY");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        }).anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("PADDLE_MASTER=$(POD_IP_DUMMY):37777"));
        assertThat(env(pod(plan, n + "-worker-1"))).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("PADDLE_MASTER=" + n + "-worker-0:37777", "PADDLE_NNODES=2", "PADDLE_JOB_ID=" + n,
                        "PYTHONUNBUFFERED=1")
                .noneMatch(s -> s.startsWith("POD_IP_DUMMY"));
        assertThat(services(plan.creates())).hasSize(2).allSatisfy(s -> assertThat(s.getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort()).containsExactly("master:37777"));
    }

    @Test
    void addsServerAndTrainerCounts_whenMasterExists() {
        PaddleJob job = Fixtures.conformanceJob("kubeflow.org-paddlejob", "paddlepaddle-simple-cpu.yaml", PaddleJob.class);
        job.getSpec().getPaddleReplicaSpecs().put("Master",
                io.fabric8.kubernetes.client.utils.Serialization.clone(job.getSpec().getPaddleReplicaSpecs().get("Worker")));
        job.getSpec().getPaddleReplicaSpecs().get("Master").setReplicas(1);

        Plan plan = plan(plugin, job);

        assertThat(env(pod(plan, "paddle-simple-cpu-master-0"))).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("PADDLE_MASTER=$(POD_IP_DUMMY):37777", "PADDLE_SERVER_NUM=1", "PADDLE_NNODES=3");
        assertThat(env(pod(plan, "paddle-simple-cpu-worker-0"))).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("PADDLE_MASTER=paddle-simple-cpu-master-0:37777", "PADDLE_TRAINER_NUM=1");
    }
}

package dev.quarkflow.training.plugins;

import static dev.quarkflow.training.engine.Fixtures.env;
import static dev.quarkflow.training.engine.Fixtures.exited;
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
import dev.quarkflow.training.api.TFJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Labels;
import dev.quarkflow.training.engine.Plan;

class TensorFlowPluginTest {

    private final TensorFlowPlugin plugin = new TensorFlowPlugin();

    static Stream<Path> conformanceJobs() {
        return Fixtures.conformance("kubeflow.org-tfjob").stream();
    }

    @ParameterizedTest
    @MethodSource("conformanceJobs")
    void createsPodAndServicePerReplica_withTfjobPort(Path file) {
        TFJob job = Fixtures.load(file, TFJob.class);

        Plan plan = plan(plugin, job);

        int total = job.getSpec().getTfReplicaSpecs().values().stream().mapToInt(s -> s.getReplicas()).sum();
        assertThat(pods(plan.creates())).hasSize(total)
                .allSatisfy(
                        p -> assertThat(p.getMetadata().getLabels()).containsEntry(Labels.OPERATOR_NAME, "tfjob-controller"));
        assertThat(services(plan.creates())).hasSize(total).allSatisfy(
                s -> assertThat(s.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort()).containsExactly(
                        "tfjob-port:2222"));
        assertThat(pods(plan.creates())).allSatisfy(p -> assertThat(env(p, "tensorflow").containsKey("TF_CONFIG"))
                .isEqualTo(total != 1));
    }

    @Test
    void writesTfConfigWithSortedClusterAndOwnTask_whenChiefPsWorkers() {
        TFJob job = Fixtures.conformanceJob("kubeflow.org-tfjob", "tensorflow-dist-mnist-tf-job-mnist.yaml", TFJob.class);

        Plan plan = plan(plugin, job);

        String n = "dist-mnist-for-e2e-test";
        assertThat(env(pod(plan, n + "-worker-1"), "tensorflow").get("TF_CONFIG")).isEqualTo("{\"cluster\":{"
                + "\"chief\":[\"" + n + "-chief-0.team-a.svc:2222\"],\"ps\":[\"" + n + "-ps-0.team-a.svc:2222\"],"
                + "\"worker\":[\"" + n + "-worker-0.team-a.svc:2222\",\"" + n + "-worker-1.team-a.svc:2222\"]},"
                + "\"task\":{\"type\":\"worker\",\"index\":1},\"environment\":\"cloud\"}");
        assertThat(pod(plan, n + "-chief-0").getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master");
        assertThat(pod(plan, n + "-worker-0").getMetadata().getLabels()).doesNotContainKey(Labels.JOB_ROLE);
        assertThat(pod(plan, n + "-ps-0").getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void writesSparseTfConfig_whenDynamicWorkers() {
        TFJob job = Fixtures.conformanceJob("kubeflow.org-tfjob", "tensorflow-dist-mnist-tf-job-mnist.yaml", TFJob.class);
        job.getSpec().setEnableDynamicWorker(true);

        Plan plan = plan(plugin, job);

        String n = "dist-mnist-for-e2e-test";
        assertThat(env(pod(plan, n + "-worker-1"), "tensorflow").get("TF_CONFIG")).isEqualTo("{\"cluster\":{"
                + "\"worker\":{\"1\":\"" + n + "-worker-1.team-a.svc:2222\"},\"ps\":[\"" + n + "-ps-0.team-a.svc:2222\"]},"
                + "\"task\":{\"type\":\"worker\",\"index\":1}}");
    }

    @Test
    void succeedsOnWorkerZero_unlessAllWorkersPolicy() {
        TFJob job = Fixtures.conformanceJob("kubeflow.org-tfjob", "tensorflow-simple.yaml", TFJob.class);
        Plan created = plan(plugin, job);
        job.setStatus(created.status());
        var pods = List.of(exited(pod(created, "tfjob-simple-worker-0"), "tensorflow", 0),
                withPhase(pod(created, "tfjob-simple-worker-1"), "Running"));

        Plan defaultPolicy = plan(plugin, job, pods);
        job.getSpec().setSuccessPolicy("AllWorkers");
        Plan allWorkers = plan(plugin, job, pods);

        assertThat(defaultPolicy.status().getConditions()).extracting(JobCondition::getType).endsWith("Succeeded");
        assertThat(allWorkers.status().getConditions()).extracting(JobCondition::getType).endsWith("Running");
    }

    @Test
    void failsJob_whenAWorkerFailsWithNeverPolicy() {
        TFJob job = Fixtures.conformanceJob("kubeflow.org-tfjob", "tensorflow-simple.yaml", TFJob.class);
        job.getSpec().getTfReplicaSpecs().get("Worker").setRestartPolicy("Never");
        Plan created = plan(plugin, job);
        job.setStatus(created.status());

        Plan plan = plan(plugin, job, List.of(exited(pod(created, "tfjob-simple-worker-1"), "tensorflow", 1)));

        JobCondition last = plan.status().getConditions().get(plan.status().getConditions().size() - 1);
        assertThat(last.getType()).isEqualTo("Failed");
        assertThat(last.getReason()).isEqualTo("TFJobFailed");
        assertThat(last.getMessage()).isEqualTo("TFJob team-a/tfjob-simple has failed because 1 Worker replica(s) failed.");
    }

    @Test
    void rejectsChiefAndMasterTogether() {
        TFJob job = Fixtures.conformanceJob("kubeflow.org-tfjob", "tensorflow-dist-mnist-tf-job-mnist.yaml", TFJob.class);
        job.getSpec().getTfReplicaSpecs().put("Master", job.getSpec().getTfReplicaSpecs().get("Chief"));

        Plan plan = plan(plugin, job);

        assertThat(plan.creates()).isEmpty();
        assertThat(plan.status().getConditions().get(0).getMessage())
                .contains("spec.tfReplicaSpecs: must not have more than 1 Chief or Master role");
    }
}

package dev.quarkflow.training.plugins;

import static dev.quarkflow.training.engine.Fixtures.env;
import static dev.quarkflow.training.engine.Fixtures.exited;
import static dev.quarkflow.training.engine.Fixtures.plan;
import static dev.quarkflow.training.engine.Fixtures.pod;
import static dev.quarkflow.training.engine.Fixtures.pods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.XGBoostJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Plan;

class XGBoostPluginTest {

    private final XGBoostPlugin plugin = new XGBoostPlugin();

    static Stream<Path> conformanceJobs() {
        return Fixtures.conformance("kubeflow.org-xgboostjob").stream();
    }

    @ParameterizedTest
    @MethodSource("conformanceJobs")
    void ranksMasterFirstThenWorkers_forEveryConformanceJob(Path file) {
        XGBoostJob job = Fixtures.load(file, XGBoostJob.class);
        String n = job.getMetadata().getName();

        Plan plan = plan(plugin, job);

        int workers = job.getSpec().getXgbReplicaSpecs().get("Worker").getReplicas();
        assertThat(pods(plan.creates())).hasSize(workers + 1);
        assertThat(env(pod(plan, n + "-master-0"), "xgboost")).containsEntry("RANK", "0")
                .containsEntry("MASTER_ADDR", n + "-master-0").containsEntry("WORLD_SIZE", Integer.toString(workers + 1));
        assertThat(env(pod(plan, n + "-worker-" + (workers - 1)), "xgboost")).containsEntry("RANK", Integer.toString(workers));
    }

    @Test
    void usesDeclaredPorts_andListsWorkerAddresses() {
        XGBoostJob job = Fixtures.conformanceJob("kubeflow.org-xgboostjob", "xgboost-smoke-dist-xgboostjob-v1-rabit-test.yaml",
                XGBoostJob.class);

        Plan plan = plan(plugin, job);

        assertThat(env(pod(plan, "xgboost-dist-test-worker-1"), "xgboost")).containsExactly(entry("MASTER_PORT", "9991"),
                entry("MASTER_ADDR", "xgboost-dist-test-master-0"), entry("WORLD_SIZE", "3"), entry("RANK", "2"),
                entry("PYTHONUNBUFFERED", "1"), entry("WORKER_PORT", "9991"),
                entry("WORKER_ADDRS", "xgboost-dist-test-worker-0,xgboost-dist-test-worker-1"));
    }

    @Test
    void restartsOnRetryableExitCode_failsOnPermanentOne() {
        XGBoostJob job = Fixtures.conformanceJob("kubeflow.org-xgboostjob",
                "xgboost-xgboost-dist-xgboostjob-v1-iris-predict-local.yaml", XGBoostJob.class);
        Plan created = plan(plugin, job);
        job.setStatus(created.status());
        String n = job.getMetadata().getName();

        Plan killed = plan(plugin, job, List.of(exited(pod(created, n + "-worker-0"), "xgboost", 137)));
        Plan broken = plan(plugin, job, List.of(exited(pod(created, n + "-worker-0"), "xgboost", 1)));

        assertThat(Fixtures.names(killed.deletes())).containsExactly("Pod/" + n + "-worker-0");
        assertThat(killed.status().getConditions()).extracting(JobCondition::getType).endsWith("Restarting");
        assertThat(broken.deletes()).isEmpty();
        assertThat(broken.status().getConditions()).extracting(JobCondition::getType).endsWith("Failed");
        assertThat(broken.status().getConditions()).extracting(JobCondition::getReason).endsWith("XGBoostJobFailed");
    }

    @Test
    void rejectsMissingMaster() {
        XGBoostJob job = Fixtures.conformanceJob("kubeflow.org-xgboostjob", "xgboost-xgboostjob.yaml", XGBoostJob.class);
        job.getSpec().getXgbReplicaSpecs().remove("Master");

        Plan plan = plan(plugin, job);

        assertThat(plan.creates()).isEmpty();
        assertThat(plan.status().getConditions().get(0).getMessage()).contains("spec.xgbReplicaSpecs.Master: must be required");
    }
}

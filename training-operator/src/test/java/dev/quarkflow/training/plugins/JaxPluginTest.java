package dev.quarkflow.training.plugins;

import static dev.quarkflow.training.engine.Fixtures.env;
import static dev.quarkflow.training.engine.Fixtures.plan;
import static dev.quarkflow.training.engine.Fixtures.pod;
import static dev.quarkflow.training.engine.Fixtures.pods;
import static dev.quarkflow.training.engine.Fixtures.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.training.api.JAXJob;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Labels;
import dev.quarkflow.training.engine.Plan;

class JaxPluginTest {

    private final JaxPlugin plugin = new JaxPlugin();

    static Stream<Path> conformanceJobs() {
        return Fixtures.conformance("kubeflow.org-jaxjob").stream();
    }

    @ParameterizedTest
    @MethodSource("conformanceJobs")
    void pointsEveryProcessAtWorkerZero(Path file) {
        JAXJob job = Fixtures.load(file, JAXJob.class);
        String n = job.getMetadata().getName();

        Plan plan = plan(plugin, job);

        assertThat(pods(plan.creates())).hasSize(2);
        assertThat(env(pod(plan, n + "-worker-1"), "jax")).contains(entry("PYTHONUNBUFFERED", "1"),
                entry("COORDINATOR_PORT", "6666"), entry("COORDINATOR_ADDRESS", n + "-worker-0"),
                entry("NUM_PROCESSES", "2"), entry("PROCESS_ID", "1"));
        assertThat(pod(plan, n + "-worker-0").getMetadata().getLabels()).containsEntry(Labels.JOB_ROLE, "master");
        assertThat(services(plan.creates())).allSatisfy(s -> assertThat(s.getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort()).containsExactly("jaxjob-port:6666"));
        assertThat(pod(plan, n + "-worker-0").getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    }
}

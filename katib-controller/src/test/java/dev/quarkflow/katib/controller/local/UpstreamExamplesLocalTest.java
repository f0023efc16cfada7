package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.katib.controller.engine.Json;

/**
 * Upstream's example Experiments, unchanged, in local mode. Their trials need scripts from upstream's training images,
 * which this machine does not have: the experiment must still run as upstream's would (trials started with the
 * substituted command, max failed trials ending it Failed) and tell the user why each trial failed.
 */
class UpstreamExamplesLocalTest {

    private static final Path EXAMPLES = SharedFixtures.conformance("crs/kubeflow.org-experiment");

    @TempDir
    Path dir;

    @Test
    void jobExample_withoutItsImage_endsFailedAtMaxFailedTrials_andNamesTheMissingScript() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            LocalExperiments.Run run = new LocalExperiments.Capture().run(EXAMPLES.resolve("hp-tuning-random.yaml"),
                    dir.resolve("data"), suggestions.address());

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            JsonNode experiment = Json.MAPPER.readTree(run.stdout());
            JsonNode last = experiment.at("/status/conditions").get(experiment.at("/status/conditions").size() - 1);
            assertThat(last.path("type").asText() + ":" + last.path("reason").asText())
                    .isEqualTo("Failed:ExperimentFailed");
            assertThat(last.path("message").asText()).isEqualTo("Experiment has failed because max failed count has reached");
            assertThat(experiment.at("/status/trialsFailed").asInt()).as("more than maxFailedTrialCount 3")
                    .isGreaterThan(3);
            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isZero();
            assertThat(run.stderr()).contains("Trial has failed. Job message: process exited with code 2: ")
                    .contains("can't open file '/opt/pytorch-mnist/mnist.py'");
        }
    }

    @Test
    void trainJobExample_runsItsTrainerCommand_withTheTrialParameters() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            LocalExperiments.Run run = new LocalExperiments.Capture().run(
                    EXAMPLES.resolve("kubeflow-trainer-trainjob-pytorch.yaml"), dir.resolve("data"),
                    suggestions.address());

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            assertThat(run.stderr()).doesNotContain("StartError").contains("can't open file '/opt/pytorch-mnist/mnist.py'");
            Path runDir = dir.resolve("data/katib-controller/local/kubeflow/torch-distributed-example");
            try (Stream<Path> trials = Files.list(runDir)) {
                List<Path> logs = trials.map(trial -> trial.resolve("metrics.log")).toList();
                assertThat(logs).isNotEmpty().allSatisfy(log -> assertThat(Files.readString(log))
                        .contains("can't open file '/opt/pytorch-mnist/mnist.py'"));
            }
        }
    }
}

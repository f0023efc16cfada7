package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.engine.Json;

class LocalExperimentTest {

    @TempDir
    Path dir;

    private static List<String> conditions(JsonNode experiment) {
        return experiment.at("/status/conditions").findValuesAsText("type").stream().toList();
    }

    @Test
    void runsTrialsAsProcesses_untilMaxTrials_andPrintsTheStoredExperiment() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, LocalExperiments.experiment("local-random", 2, 5, 2, ""));

            LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode experiment = Json.MAPPER.readTree(run.stdout());
            assertThat(experiment.at("/status/conditions")).extracting(c -> c.path("type").asText() + "="
                    + c.path("status").asText() + ":" + c.path("reason").asText())
                    .containsExactly("Created=True:ExperimentCreated", "Running=False:ExperimentRunning",
                            "Succeeded=True:ExperimentMaxTrialsReached");
            assertThat(experiment.at("/status/trials").asInt()).isEqualTo(5);
            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(5);
            assertThat(experiment.at("/spec/parallelTrialCount").asInt()).isEqualTo(2);
            assertThat(experiment.at("/spec/parameters/0/feasibleSpace").fieldNames()).toIterable()
                    .containsExactly("max", "min", "distribution");
            assertThat(experiment.at("/status/conditions/0").fieldNames()).toIterable().containsExactly("type",
                    "status", "reason", "message", "lastUpdateTime", "lastTransitionTime");
            assertThat(experiment.at("/spec/trialTemplate/successCondition").asText()).contains("Complete");
            JsonNode best = experiment.at("/status/currentOptimalTrial");
            assertThat(best.path("bestTrialName").asText()).startsWith("local-random-");
            assertThat(best.at("/observation/metrics/0/name").asText()).isEqualTo("loss");
            double bestLoss = best.at("/observation/metrics/0/min").asDouble();
            JsonNode x = best.at("/parameterAssignments/0");
            JsonNode y = best.at("/parameterAssignments/1");
            assertThat(bestLoss).isCloseTo(Math.pow(x.path("value").asDouble() - 1, 2) + y.path("value").asInt(),
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(experiment.at("/status/succeededTrialList")).hasSize(5);
            assertThat(suggestions.validations.get()).isEqualTo(1);
            assertThat(suggestions.requests.stream().mapToInt(r -> r.getCurrentRequestNumber()).sum()).isEqualTo(5);
            assertThat(run.stderr()).contains("Best trial: " + best.path("bestTrialName").asText());
            assertThat(Files.readString(dir.resolve("data/katib-controller/local/default/local-random")
                    .resolve(best.path("bestTrialName").asText()).resolve("metrics.log")))
                    .contains("trial " + best.path("bestTrialName").asText() + " done");
        }
    }

    @Test
    void laterRequestsCarryFinishedTrials_withTheirObservations() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, LocalExperiments.experiment("history", 1, 3, 1, ""));

            LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(suggestions.requests).extracting(r -> r.getTrialsCount()).containsExactly(0, 1, 2);
            var last = suggestions.requests.get(2);
            assertThat(last.getTotalRequestNumber()).isEqualTo(3);
            assertThat(last.getTrials(0).getStatus().getCondition().name()).isEqualTo("SUCCEEDED");
            assertThat(last.getTrials(0).getStatus().getObservation().getMetricsList())
                    .extracting(m -> m.getName()).containsExactly("loss", "accuracy");
        }
    }

    @Test
    void failingTrials_failTheExperiment_withExitCodeOne() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir,
                    LocalExperiments.experiment("always-fails", 2, 6, 2, ", \"--fail-if-y=${trialParameters.y}\""));

            LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode experiment = Json.MAPPER.readTree(run.stdout());
            assertThat(conditions(experiment)).containsExactly("Created", "Running", "Failed");
            assertThat(experiment.at("/status/conditions/2/reason").asText()).isEqualTo("ExperimentFailed");
            assertThat(experiment.at("/status/trialsFailed").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void invalidExperiment_isRefusedWithTheField_andExitCodeTwo() throws Exception {
        Path file = LocalExperiments.write(dir, LocalExperiments.experiment("bad", 5, 3, 1, ""));

        LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"), "127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("spec.parallelTrialCount: should be less than or equal to");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void unreachableSuggestionService_failsTheExperiment_afterTheRetryWindow() throws Exception {
        Path file = LocalExperiments.write(dir, LocalExperiments.experiment("nobody-home", 1, 2, 1, ""));

        LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"), "127.0.0.1:1",
                "--suggestion-retry-window", "PT1S");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode experiment = Json.MAPPER.readTree(run.stdout());
        assertThat(experiment.at("/status/conditions/1/type").asText()).isEqualTo("Failed");
        assertThat(experiment.at("/status/conditions/1/message").asText()).startsWith("Suggestion has failed");
        assertThat(run.stderr()).contains("retrying");
    }

    static Set<String> names(JsonNode list) {
        Set<String> names = new HashSet<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }
}

package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.engine.Json;

/**
 * Resume policies of local runs: LongRunning and FromVolume keep the completed run under the data dir, so running the
 * same experiment again with a raised maxTrialCount restarts it (as upstream restarts the Experiment it keeps); Never
 * keeps nothing.
 */
class LocalResumeTest {

    @TempDir
    Path dir;

    private static String experiment(String name, String resumePolicy, int maxTrials) {
        return LocalExperiments.experiment(name, 1, maxTrials, 1, "")
                .replace("  parallelTrialCount:", "  resumePolicy: " + resumePolicy + "\n  parallelTrialCount:");
    }

    private static JsonNode json(LocalExperiments.Run run) throws Exception {
        return Json.MAPPER.readTree(run.stdout());
    }

    private static List<String> names(JsonNode list) {
        return Stream.of(Json.MAPPER.convertValue(list, String[].class)).sorted().toList();
    }

    private Path runDir(String name) {
        return dir.resolve("data/katib-controller/local/default").resolve(name);
    }

    private List<String> trialDirs(String name) throws Exception {
        try (Stream<Path> children = Files.list(runDir(name))) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fromVolume_raisedMaxTrialCount_restartsFromTheStoredRun() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, experiment("resumed", "FromVolume", 2));
            LocalExperiments.Run first = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            List<String> firstTrials = names(json(first).at("/status/succeededTrialList"));
            int firstRequests = suggestions.requests.size();
            LocalExperiments.write(dir, experiment("resumed", "FromVolume", 4));

            LocalExperiments.Run second = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(second.exitCode()).as(second.stderr()).isZero();
            JsonNode experiment = json(second);
            assertThat(experiment.at("/status/trials").asInt()).isEqualTo(4);
            assertThat(names(experiment.at("/status/succeededTrialList"))).hasSize(4).containsAll(firstTrials);
            assertThat(experiment.at("/status/conditions").findValuesAsText("type")).contains("Restarting",
                    "Succeeded");
            assertThat(suggestions.validations.get()).as("settings validated again on the restart").isEqualTo(2);
            assertThat(suggestions.requests.get(firstRequests).getTrialsList())
                    .as("the first request after the restart carries the stored trials")
                    .extracting(t -> t.getName()).containsExactlyInAnyOrderElementsOf(firstTrials);
            assertThat(suggestions.requests.stream().mapToInt(r -> r.getCurrentRequestNumber()).sum())
                    .as("two trials asked for in each run").isEqualTo(4);
            assertThat(trialDirs("resumed")).hasSize(4);
            assertThat(second.stderr()).contains("Restarting from the stored run with 2 trials");
        }
    }

    @Test
    void longRunning_unchangedRerun_printsTheStoredRun_andRunsNothing() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, experiment("kept", "LongRunning", 2));
            LocalExperiments.Run first = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            int requests = suggestions.requests.size();

            LocalExperiments.Run second = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(second.exitCode()).as(second.stderr()).isZero();
            assertThat(json(second).at("/status")).isEqualTo(json(first).at("/status"));
            assertThat(suggestions.requests).hasSize(requests);
            assertThat(suggestions.validations.get()).isEqualTo(1);
            assertThat(second.stderr()).contains("Experiment kept has completed", "raise spec.maxTrialCount");
            assertThat(trialDirs("kept")).hasSize(2);
        }
    }

    @Test
    void storedRun_refusesAnyChangeButTheCounters_namingTheField() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, experiment("fixed", "LongRunning", 2));
            LocalExperiments.Run first = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            LocalExperiments.write(dir, experiment("fixed", "LongRunning", 3).replace("goal: -1", "goal: -2"));

            LocalExperiments.Run changed = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());
            LocalExperiments.write(dir, experiment("fixed", "LongRunning", 2).replace("maxFailedTrialCount: 1",
                    "maxFailedTrialCount: 2"));
            LocalExperiments.Run notRaised = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(changed.exitCode()).isEqualTo(2);
            assertThat(changed.stderr()).contains("as an update of the run stored in",
                    "spec: only spec.parallelTrialCount, spec.maxTrialCount and spec.maxFailedTrialCount are editable");
            assertThat(notRaised.exitCode()).isEqualTo(2);
            assertThat(notRaised.stderr()).contains("spec.maxTrialCount: must be greater than status.trials count");
            assertThat(trialDirs("fixed")).hasSize(2);
        }
    }

    @Test
    void never_keepsNothing_soARerunStartsAfresh() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, experiment("fresh", "Never", 2));
            LocalExperiments.Run first = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            LocalExperiments.Run second = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            assertThat(first.exitCode()).as(first.stderr()).isZero();
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            assertThat(json(second).at("/status/trials").asInt()).isEqualTo(2);
            assertThat(json(second).at("/status/conditions").findValuesAsText("type")).doesNotContain("Restarting");
            assertThat(Files.exists(runDir("fresh").resolve(LocalState.FILE))).isFalse();
            assertThat(trialDirs("fresh")).hasSize(4);
        }
    }
}

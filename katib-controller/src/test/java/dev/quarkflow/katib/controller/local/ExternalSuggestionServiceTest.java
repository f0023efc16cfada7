package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.engine.Json;

class ExternalSuggestionServiceTest {

    @TempDir
    Path dir;

    @Test
    void pythonSuggestionServer_pluggedInByAddress_drivesALocalExperiment() throws Exception {
        try (PythonSuggestionServer server = PythonSuggestionServer.start(PythonSuggestionServer.freePort())) {
            Path file = LocalExperiments.write(dir, LocalExperiments.experiment("python-random", 2, 4, 1, ""));

            LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    server.address());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode experiment = Json.MAPPER.readTree(run.stdout());
            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(4);
            assertThat(experiment.at("/status/conditions/2/reason").asText()).isEqualTo("ExperimentMaxTrialsReached");
        }
    }

    @Test
    void suggestionServiceKilledAndRestarted_midExperiment_noDuplicateAndNoLostTrial() throws Exception {
        int port = PythonSuggestionServer.freePort();
        PythonSuggestionServer first = PythonSuggestionServer.start(port);
        Path file = LocalExperiments.write(dir,
                LocalExperiments.experiment("survives-restart", 2, 8, 1, ", \"--sleep=0.3\""));
        LocalExperiments.Capture capture = new LocalExperiments.Capture();

        CompletableFuture<LocalExperiments.Run> running = CompletableFuture
                .supplyAsync(() -> capture.run(file, dir.resolve("data"), first.address()));
        await().atMost(Duration.ofSeconds(60)).until(() -> capture.stderr().contains("Succeeded"));
        first.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> capture.stderr().contains("retrying"));
        try (PythonSuggestionServer second = PythonSuggestionServer.start(port)) {
            LocalExperiments.Run run = running.get();

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode experiment = Json.MAPPER.readTree(run.stdout());
            assertThat(experiment.at("/status/trials").asInt()).isEqualTo(8);
            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(8);
            Set<String> succeeded = new HashSet<>();
            experiment.at("/status/succeededTrialList").forEach(n -> succeeded.add(n.asText()));
            assertThat(succeeded).hasSize(8);
            Path runDir = dir.resolve("data/katib-controller/local/default/survives-restart");
            try (Stream<Path> trialDirs = Files.list(runDir)) {
                List<String> started = trialDirs.map(p -> p.getFileName().toString()).toList();
                assertThat(started).as("every trial started exactly once").containsExactlyInAnyOrderElementsOf(
                        succeeded);
            }
            for (String trial : succeeded) {
                assertThat(Files.readString(runDir.resolve(trial).resolve("metrics.log"))).contains("loss=");
            }
        }
    }
}

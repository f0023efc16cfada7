package dev.quarkflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code quarkflow experiment run} with the example Katib Experiment: katib-suggestion is started for it, trials run
 * as local processes, and stdout holds the final Experiment as upstream stores it.
 */
class ExperimentCommandIT {

    @TempDir
    Path dataDir;

    private Process experiment;

    @AfterEach
    void killLeftovers() {
        if (experiment != null) {
            experiment.descendants().forEach(ProcessHandle::destroyForcibly);
            experiment.destroyForcibly();
        }
    }

    @Test
    void experimentRun_succeedsWithTheBestTrial_asJsonOnStdout() throws Exception {
        experiment = CliProcess.builder(dataDir,
                List.of("experiment", "run", "examples/experiments/random-quadratic.yaml", "--output", "json"))
                .redirectError(dataDir.resolve("stderr.txt").toFile()).start();
        String stdout = new String(experiment.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(experiment.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(experiment.exitValue()).as(java.nio.file.Files.readString(dataDir.resolve("stderr.txt"))).isZero();
        JsonNode status = new ObjectMapper().readTree(stdout).path("status");
        assertThat(status.path("conditions").findValuesAsText("type")).contains("Succeeded");
        assertThat(status.path("trialsSucceeded").asInt()).isEqualTo(12);
        assertThat(status.path("currentOptimalTrial").path("bestTrialName").asText()).startsWith("random-quadratic-");
        assertThat(java.nio.file.Files.readString(dataDir.resolve("stderr.txt"))).contains("katib-suggestion     stopped");
    }
}

package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.engine.Json;

/** The contract the {@code quarkflow} CLI relies on, checked on the packaged fast-jar. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private Process java(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void experimentRun_printsTheExperimentOnStdout_andExitsZeroOnSuccess() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, LocalExperiments.experiment("from-jar", 2, 3, 1, ""));

            Process process = java(List.of("-jar", JAR.toString(), "experiment", "run", file.toString(), "--output",
                    "json", "--suggestion-address", suggestions.address()),
                    Map.of("QUARKFLOW_DATA_DIR", dir.resolve("data").toString()));

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(dir.resolve("stderr"));
            assertThat(process.exitValue()).as(stderr).isZero();
            JsonNode experiment = Json.MAPPER.readTree(dir.resolve("stdout").toFile());
            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(3);
            assertThat(stderr).contains("Best trial: ");
            assertThat(dir.resolve("data/katib-controller/local/default/from-jar")).isDirectory();
        }
    }

    @Test
    void experimentRun_exitsTwo_forAnExperimentTheWebhookRefuses() throws Exception {
        Path file = LocalExperiments.write(dir, LocalExperiments.experiment("Bad-Name", 2, 3, 1, ""));

        Process process = java(List.of("-jar", JAR.toString(), "experiment", "run", file.toString()), Map.of());

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr"))).contains("metadata.name");
    }

    @Test
    void withoutArguments_theServiceStarts_withNoClusterAnywhere() throws Exception {
        int http = PythonSuggestionServer.freePort();
        int grpc = PythonSuggestionServer.freePort();
        Process process = java(List.of("-Dquarkus.http.port=" + http, "-Dquarkus.grpc.server.port=" + grpc,
                "-Dquarkflow.data-dir=" + dir.resolve("data"), "-jar", JAR.toString()),
                Map.of("HOME", dir.toString()));
        try {
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

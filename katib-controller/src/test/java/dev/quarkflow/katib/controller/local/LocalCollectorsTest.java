package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.engine.Json;

/** Local runs with each collector kind beyond StdOut/File, trials as Python processes. */
class LocalCollectorsTest {

    @TempDir
    Path dir;

    /** minimize loss = (x-1)^2 + y, accuracy as additional metric; {@code command} ends the trial's argv. */
    private static String experiment(String name, int maxTrials, String collector, String command) {
        return """
                apiVersion: kubeflow.org/v1beta1
                kind: Experiment
                metadata:
                  name: %s
                spec:
                  objective:
                    type: minimize
                    objectiveMetricName: loss
                    additionalMetricNames: [accuracy]
                  algorithm:
                    algorithmName: random
                  metricsCollectorSpec: %s
                  parallelTrialCount: 1
                  maxTrialCount: %d
                  maxFailedTrialCount: 1
                  parameters:
                    - {name: x, parameterType: double, feasibleSpace: {min: "-2", max: "3"}}
                    - {name: y, parameterType: int, feasibleSpace: {min: "0", max: "2"}}
                  trialTemplate:
                    primaryContainerName: training-container
                    trialParameters:
                      - {name: x, reference: x}
                      - {name: y, reference: y}
                    trialSpec:
                      apiVersion: batch/v1
                      kind: Job
                      spec:
                        template:
                          spec:
                            containers:
                              - name: training-container
                                image: docker.io/library/python:3.11
                                command: [%s]
                            restartPolicy: Never
                """.formatted(name, collector, maxTrials, command);
    }

    private static String python(String script, String... more) {
        StringBuilder argv = new StringBuilder("\"" + LocalExperiments.PYTHON + "\", \""
                + LocalExperiments.RESOURCES.resolve(script) + "\"");
        for (String arg : more) {
            argv.append(", \"").append(arg).append('"');
        }
        return argv.append(", \"--x=${trialParameters.x}\", \"--y=${trialParameters.y}\"").toString();
    }

    private JsonNode run(String yaml, InTestSuggestionServer suggestions) throws Exception {
        Path file = LocalExperiments.write(dir, yaml);
        LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                suggestions.address());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return Json.MAPPER.readTree(run.stdout());
    }

    /** Every succeeded trial's observation: loss min is (x-1)^2+y, max one more; accuracy as given. */
    private static void assertObservations(JsonNode experiment, String accuracyMax) {
        JsonNode best = experiment.at("/status/currentOptimalTrial");
        double x = best.at("/parameterAssignments/0/value").asDouble();
        int y = best.at("/parameterAssignments/1/value").asInt();
        JsonNode loss = best.at("/observation/metrics/0");
        assertThat(loss.path("name").asText()).isEqualTo("loss");
        assertThat(loss.path("min").asDouble()).isCloseTo(Math.pow(x - 1, 2) + y,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(loss.path("max").asDouble()).isCloseTo(Math.pow(x - 1, 2) + y + (accuracyMax.equals("0.75")
                ? 1
                : 2), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(loss.path("latest").asText()).isEqualTo(loss.path("min").asText());
        JsonNode accuracy = best.at("/observation/metrics/1");
        assertThat(accuracy.path("name").asText()).isEqualTo("accuracy");
        assertThat(accuracy.path("max").asText()).isEqualTo(accuracyMax);
    }

    @Test
    void tensorFlowEvent_readsTheEventFilesTheTrialWrote() throws Exception {
        Path logdir = dir.resolve("tb");
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            JsonNode experiment = run(experiment("tfevent", 2,
                    "{collector: {kind: TensorFlowEvent}, source: {fileSystemPath: {kind: Directory, path: \"" + logdir
                            + "\"}}}",
                    python("tfevent_objective.py", "--logdir=" + logdir)), suggestions);

            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(2);
            assertObservations(experiment, "0.5");
            // the second trial read only its own files, not the first trial's
            for (JsonNode trial : experiment.at("/status/succeededTrialList")) {
                assertThat(trial.asText()).startsWith("tfevent-");
            }
            assertThat(Files.list(logdir.resolve("train")).count()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void prometheusMetric_scrapesTheTrialsEndpointWhileItRuns() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            JsonNode experiment = run(experiment("prometheus", 1,
                    "{collector: {kind: PrometheusMetric}, source: {httpGet: {port: " + port + ", path: /metrics}}}",
                    python("prometheus_objective.py", "--port=" + port)), suggestions);

            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(1);
            JsonNode best = experiment.at("/status/currentOptimalTrial");
            double expected = Math.pow(best.at("/parameterAssignments/0/value").asDouble() - 1, 2)
                    + best.at("/parameterAssignments/1/value").asInt();
            JsonNode loss = best.at("/observation/metrics/0");
            assertThat(loss.path("min").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(loss.path("max").asDouble()).isCloseTo(expected + 2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(best.at("/observation/metrics/1/max").asText()).isEqualTo("0.7");
        }
    }

    @Test
    void push_trialReportsToTheLocalDBManager() throws Exception {
        Path stubs = PythonSuggestionServer.stubs();
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            JsonNode experiment = run(experiment("push", 2, "{collector: {kind: Push}}",
                    python("push_objective.py", stubs.toString())), suggestions);

            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(2);
            assertObservations(experiment, "0.75");
        }
    }

    @Test
    void push_withoutReports_isMetricsUnavailable() throws Exception {
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            Path file = LocalExperiments.write(dir, experiment("silent", 1, "{collector: {kind: Push}}",
                    python("objective.py")));
            LocalExperiments.Run run = new LocalExperiments.Capture().run(file, dir.resolve("data"),
                    suggestions.address());

            JsonNode experiment = Json.MAPPER.readTree(run.stdout());
            assertThat(experiment.at("/status/trialMetricsUnavailable").asInt()).isEqualTo(1);
        }
    }

    @Test
    void custom_collectorRunsNextToTheTrial_andReportsForIt() throws Exception {
        Path stubs = PythonSuggestionServer.stubs();
        Path metrics = dir.resolve("custom-metrics.log");
        String collector = """
                {collector: {kind: Custom, customCollector: {name: my-collector, image: my/collector:1,
                  command: ["%s", "%s", "%s", "%s"]}},
                 source: {fileSystemPath: {kind: File, path: "%s"}}}"""
                .formatted(LocalExperiments.PYTHON, LocalExperiments.RESOURCES.resolve("custom_collector.py"), stubs,
                        metrics, metrics)
                .replace("\n", " ");
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer()) {
            JsonNode experiment = run(experiment("custom", 1, collector,
                    "\"/bin/sh\", \"-c\", \"" + LocalExperiments.PYTHON + " "
                            + LocalExperiments.RESOURCES.resolve("objective.py")
                            + " --x=${trialParameters.x} --y=${trialParameters.y} > " + metrics + "\""),
                    suggestions);

            assertThat(experiment.at("/status/trialsSucceeded").asInt()).isEqualTo(1);
            JsonNode best = experiment.at("/status/currentOptimalTrial");
            double expected = Math.pow(best.at("/parameterAssignments/0/value").asDouble() - 1, 2)
                    + best.at("/parameterAssignments/1/value").asInt();
            assertThat(best.at("/observation/metrics/0/min").asDouble()).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-5));
        }
    }
}

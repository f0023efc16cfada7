package dev.quarkflow.katib.controller.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarkflow.katib.controller.engine.ExperimentDefaults;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.engine.TemplateSource;
import dev.quarkflow.katib.controller.engine.TrialStates;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.katib.controller.suggestion.GrpcEarlyStoppingService;
import dev.quarkflow.katib.controller.suggestion.GrpcSuggestionService;
import dev.quarkflow.katib.controller.suggestion.SuggestionSync;
import dev.quarkflow.proto.katib.ComparisonType;
import dev.quarkflow.proto.katib.EarlyStoppingRule;

/** Early stopping in local mode: trials print a learning curve, the runner kills those whose rules are met. */
class LocalEarlyStoppingTest {

    /** katib-suggestion is built before katib-controller in the reactor. */
    private static final Path SUGGESTION_JAR = Path.of("..", "katib-suggestion", "target", "quarkus-app",
            "quarkus-run.jar");

    @TempDir
    Path dir;

    /** loss at step s = (x-1)^2 + y + 1/s over x in [0.5, 1.5], y in {0..2}. */
    private static Experiment experiment(String name, String algorithmSettings, int parallel, int maxTrials,
            String earlyStoppingSettings) {
        return ExperimentDefaults.apply(ExperimentReader.read("""
                apiVersion: kubeflow.org/v1beta1
                kind: Experiment
                metadata: {name: %s, namespace: default}
                spec:
                  objective: {type: minimize, objectiveMetricName: loss}
                  algorithm: {algorithmName: random, algorithmSettings: [%s]}
                  earlyStopping: {algorithmName: medianstop, algorithmSettings: [%s]}
                  parallelTrialCount: %d
                  maxTrialCount: %d
                  parameters:
                    - {name: x, parameterType: double, feasibleSpace: {min: "0.5", max: "1.5"}}
                    - {name: y, parameterType: int, feasibleSpace: {min: "0", max: "2"}}
                  trialTemplate:
                    primaryContainerName: main
                    trialParameters: [{name: x, reference: x}, {name: y, reference: y}]
                    trialSpec:
                      apiVersion: batch/v1
                      kind: Job
                      spec:
                        template:
                          spec:
                            containers:
                              - name: main
                                image: python:3.11
                                command: [%s, %s, "--x=${trialParameters.x}", "--y=${trialParameters.y}"]
                            restartPolicy: Never
                """.formatted(name, algorithmSettings, earlyStoppingSettings, parallel, maxTrials,
                LocalExperiments.PYTHON, LocalExperiments.RESOURCES.resolve("curve.py"))));
    }

    private LocalExperimentRunner.Result run(Experiment experiment, String suggestionAddress,
            String earlyStoppingAddress) throws Exception {
        try (GrpcSuggestionService suggestions = new GrpcSuggestionService(suggestionAddress, Duration.ofSeconds(30));
                GrpcEarlyStoppingService rules = new GrpcEarlyStoppingService(earlyStoppingAddress,
                        Duration.ofSeconds(30));
                LocalDBManager dbManager = new LocalDBManager()) {
            PrintStream table = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            return new LocalExperimentRunner(suggestions, new SuggestionSync.EarlyStopping(rules, dbManager.address()),
                    dbManager, dir.resolve("runs"), dir, Clock.systemUTC(), new TrialTable(table, false),
                    Duration.ofSeconds(30), new Random(3), TemplateSource.none()).run(experiment);
        }
    }

    private static double base(Trial trial) {
        double x = Double.parseDouble(value(trial, "x"));
        int y = Integer.parseInt(value(trial, "y"));
        return (x - 1) * (x - 1) + y;
    }

    private static String value(Trial trial, String name) {
        return trial.spec.parameterAssignments.stream().filter(a -> a.name.equals(name))
                .map((ParameterAssignment a) -> a.value).findFirst().orElseThrow();
    }

    private String output(Trial trial) throws IOException {
        return Files.readString(dir.resolve("runs").resolve(trial.name()).resolve("metrics.log"));
    }

    @Test
    void trialsWhoseRulesAreMet_areKilled_andCountedAsEarlyStopped() throws Exception {
        // best loss after 2 steps = base + 0.5, above 2.0 exactly for y = 2 (x is within 0.5 of 1)
        try (InTestSuggestionServer suggestions = new InTestSuggestionServer();
                InTestEarlyStoppingServer earlyStopping = new InTestEarlyStoppingServer(EarlyStoppingRule
                        .newBuilder().setName("loss").setValue("2.0").setComparison(ComparisonType.GREATER)
                        .setStartStep(2).build())) {

            LocalExperimentRunner.Result result = run(experiment("local-es", "", 2, 6, ""), suggestions.address(),
                    earlyStopping.address());

            assertThat(result.succeeded()).isTrue();
            assertThat(earlyStopping.validations).hasSize(1);
            assertThat(earlyStopping.requests).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getDbManagerAddress()).startsWith("127.0.0.1:"));
            List<String> stopped = new ArrayList<>();
            for (Trial trial : result.trials()) {
                assertThat(trial.spec.earlyStoppingRules).singleElement()
                        .satisfies(r -> assertThat(r.comparison).isEqualTo("greater"));
                if (value(trial, "y").equals("2")) {
                    stopped.add(trial.name());
                    assertThat(TrialStates.isEarlyStopped(trial)).as(trial.name()).isTrue();
                    assertThat(trial.status.condition(KatibNames.EARLY_STOPPED).orElseThrow().reason)
                            .isEqualTo("TrialEarlyStopped");
                    assertThat(output(trial)).doesNotContain("done");
                    assertThat(trial.status.observation.metric("loss").orElseThrow().min).isNotEqualTo("unavailable");
                } else {
                    assertThat(TrialStates.isSucceeded(trial)).as(trial.name()).isTrue();
                    assertThat(output(trial)).contains("done");
                }
            }
            assertThat(stopped).as("the seeded search draws y = 2 at least once").isNotEmpty();
            assertThat(result.experiment().status().trialsEarlyStopped).isEqualTo(stopped.size());
            assertThat(result.experiment().status().earlyStoppedTrialList).containsExactlyInAnyOrderElementsOf(stopped);
        }
    }

    @Test
    void medianstopOfKatibSuggestion_stopsTrialsWorseThanTheMeanOfTheFirstSteps() throws Exception {
        assumeThat(SUGGESTION_JAR).as("katib-suggestion's jar (the reactor builds it first)").isRegularFile();
        int grpc = PythonSuggestionServer.freePort();
        int earlyStoppingPort = PythonSuggestionServer.freePort();
        Process service = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.grpc.server.port=" + grpc, "-Dquarkus.grpc.server.host=127.0.0.1",
                "-Dquarkflow.katib-suggestion.early-stopping-port=" + earlyStoppingPort,
                "-Dquarkus.http.port=" + PythonSuggestionServer.freePort(), "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkflow.data-dir=" + dir.resolve("suggestion-data"), "-jar",
                SUGGESTION_JAR.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("katib-suggestion.log").toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> (listening(grpc) && listening(earlyStoppingPort)) || !service.isAlive());
            assertThat(service.isAlive()).as("katib-suggestion started").isTrue();

            LocalExperimentRunner.Result result = run(
                    experiment("medianstop", "{name: random_state, value: \"7\"}", 1, 8,
                            "{name: min_trials_required, value: \"2\"}, {name: start_step, value: \"2\"}"),
                    "127.0.0.1:" + grpc, "127.0.0.1:" + earlyStoppingPort);

            assertThat(result.succeeded()).as(Files.readString(dir.resolve("katib-suggestion.log"))).isTrue();
            List<Trial> trials = result.trials();
            assertThat(trials).hasSize(8);
            List<Double> firstSteps = new ArrayList<>();
            for (Trial trial : trials) {
                if (firstSteps.size() < 2) {
                    assertThat(trial.spec.earlyStoppingRules).as(trial.name()).isNull();
                } else {
                    double mean = firstSteps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                    assertThat(trial.spec.earlyStoppingRules).as(trial.name()).singleElement().satisfies(r -> {
                        assertThat(r.name + ";" + r.comparison + ";" + r.startStep).isEqualTo("loss;greater;2");
                        assertThat(Double.parseDouble(r.value)).isCloseTo(mean, org.assertj.core.data.Offset
                                .offset(1e-5));
                    });
                    boolean worse = base(trial) + 0.5 > mean;
                    assertThat(TrialStates.isEarlyStopped(trial)).as(trial.name()).isEqualTo(worse);
                }
                if (TrialStates.isSucceeded(trial)) {
                    // medianstop averages the first start_step losses of succeeded trials: base + (1 + 1/2) / 2
                    firstSteps.add(base(trial) + 0.75);
                }
            }
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

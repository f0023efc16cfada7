package dev.quarkflow.katib.controller.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Experiments whose trials run {@code objective.py}, and a way to run the CLI in-process and keep its output. */
final class LocalExperiments {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path RESOURCES = Path.of("src/test/resources/local").toAbsolutePath();

    private LocalExperiments() {
    }

    /** minimize loss = (x-1)^2 + y over x in [-2, 3], y in {0..2}. */
    static String experiment(String name, int parallel, int maxTrials, int maxFailed, String extraArgs) {
        return """
                apiVersion: kubeflow.org/v1beta1
                kind: Experiment
                metadata:
                  name: %s
                spec:
                  objective:
                    type: minimize
                    goal: -1
                    objectiveMetricName: loss
                    additionalMetricNames: [accuracy]
                  algorithm:
                    algorithmName: random
                  parallelTrialCount: %d
                  maxTrialCount: %d
                  maxFailedTrialCount: %d
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
                                command: [%s, %s, "--x=${trialParameters.x}", "--y=${trialParameters.y}"%s]
                            restartPolicy: Never
                """.formatted(name, parallel, maxTrials, maxFailed, PYTHON, RESOURCES.resolve("objective.py"),
                extraArgs);
    }

    static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The CLI's exit code and what it wrote to stdout and stderr. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Streams that tests can read while the CLI is still running. */
    static final class Capture {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        String stderr() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }

        Run run(Path experiment, Path dataDir, String suggestionAddress, String... extra) {
            List<String> args = new ArrayList<>(List.of("experiment", "run", experiment.toString(), "--output",
                    "json", "--suggestion-address", suggestionAddress, "--data-dir", dataDir.toString()));
            args.addAll(List.of(extra));
            PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream stderr = new PrintStream(new SynchronizedStream(err), true, StandardCharsets.UTF_8);
            int code = ExperimentCli.run(args.toArray(String[]::new), stdout, stderr, Map.of());
            return new Run(code, out.toString(StandardCharsets.UTF_8), stderr());
        }
    }

    private static final class SynchronizedStream extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        SynchronizedStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (target) {
                target.write(bytes, offset, length);
            }
        }
    }
}

package dev.quarkflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.proto.mlmd.Artifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "The end-to-end demo: start metadata-grpc and api-server, run the example "
        + "pipeline (examples/pipelines/tiny-ml.yaml), then show each task, the metrics, the artifacts and their "
        + "lineage, and stop what was started. Exit code 1 if the run fails.")
public class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "examples/pipelines/tiny-ml.yaml";

    @Option(names = "--keep-up", description = "Keep the services running afterwards, until Ctrl-C (for kfp.Client).")
    boolean keepUp;

    @Spec
    CommandSpec spec;

    @Inject
    CliConfig config;

    @Inject
    LocalServices localServices;

    @Inject
    PipelineRunner runner;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path pipeline = config.home().resolve(EXAMPLE).toAbsolutePath();
        err.printf("Quarkflow demo: %s; state under %s%n", EXAMPLE, config.dataDir());
        LocalServices.Session session = localServices.ensureUp(ServiceCatalog.select(PipelineRunner.SERVICES), err);
        try {
            JsonNode run = runner.run(pipeline, Map.of(), err);
            int exit = RunCommand.report(run, out);
            printTasks(run, out);
            var steps = recordedLineage(run.path("run_id").asText());
            printMetrics(steps, out);
            out.println("Lineage (inputs ← task → outputs), from ML Metadata:");
            MlmdLineage.print(steps, out);
            out.flush();
            if (keepUp) {
                err.println("Services keep running (--keep-up): KFP REST " + config.cli().apiServerUrl()
                        + ", MLMD gRPC " + config.cli().metadataAddress() + ".");
                session.holdUntilInterrupted();
            }
            return exit;
        } finally {
            session.stop();
        }
    }

    /**
     * The engine writes lineage behind the run (an ordered queue per run), so the last writes can land just after the
     * run ended: read until every execution has a final state and the count stopped growing, for at most a minute.
     */
    private java.util.List<MlmdLineage.Step> recordedLineage(String runId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        java.util.List<MlmdLineage.Step> steps = MlmdLineage.read(config.cli().metadataAddress(), runId);
        while (System.nanoTime() < deadline) {
            sleepBriefly();
            java.util.List<MlmdLineage.Step> again = MlmdLineage.read(config.cli().metadataAddress(), runId);
            boolean settled = !again.isEmpty() && again.size() == steps.size()
                    && again.stream().noneMatch(step -> java.util.Set.of("RUNNING", "NEW", "UNKNOWN").contains(step.state()));
            steps = again;
            if (settled) {
                break;
            }
        }
        return steps;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printTasks(JsonNode run, PrintWriter out) {
        out.println("Tasks:");
        for (JsonNode task : run.path("run_details").path("task_details")) {
            out.printf("  %-36s %s%n", task.path("display_name").asText(task.path("task_id").asText()),
                    task.path("state").asText());
        }
    }

    private static void printMetrics(java.util.List<MlmdLineage.Step> steps, PrintWriter out) {
        out.println("Metrics and artifacts:");
        steps.stream().flatMap(step -> step.outputs().stream()).forEach(artifact -> {
            out.printf("  %-16s %s%n", artifact.getType(), localPath(artifact));
            if ("system.Metrics".equals(artifact.getType())) {
                out.println("    " + read(artifact));
            }
        });
    }

    private static String localPath(Artifact artifact) {
        String uri = artifact.getUri();
        return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
    }

    private static String read(Artifact artifact) {
        try {
            return Files.readString(Path.of(localPath(artifact))).strip();
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + artifact.getUri() + ": " + e.getMessage() + ")";
        }
    }
}

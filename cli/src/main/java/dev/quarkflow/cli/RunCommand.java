package dev.quarkflow.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = "Upload a pipeline compiled by the kfp SDK (IR YAML), run it locally with live "
        + "progress per task, and exit 0 only when the run succeeds.")
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "A compiled pipeline (IR YAML or JSON).")
    Path pipeline;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A pipeline parameter; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--keep-up", description = "Keep the services running afterwards, until Ctrl-C (for kfp.Client).")
    boolean keepUp;

    @Spec
    CommandSpec spec;

    @Inject
    LocalServices localServices;

    @Inject
    PipelineRunner runner;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(pipeline)) {
            throw new CliFailure("no pipeline file at " + pipeline);
        }
        LocalServices.Session session = localServices.ensureUp(ServiceCatalog.select(PipelineRunner.SERVICES), err);
        try {
            JsonNode run = runner.run(pipeline.toAbsolutePath(), parameters, err);
            int exit = report(run, spec.commandLine().getOut());
            if (keepUp) {
                session.holdUntilInterrupted();
            }
            return exit;
        } finally {
            session.stop();
        }
    }

    /** Prints the run's end and returns the exit code: 0 only for SUCCEEDED. */
    static int report(JsonNode run, PrintWriter out) {
        String state = run.path("state").asText();
        out.printf("Run %s %s%n", run.path("run_id").asText(), state);
        JsonNode error = run.path("error");
        if (!error.isMissingNode() && error.hasNonNull("message")) {
            out.println("  error: " + error.path("message").asText());
        }
        out.flush();
        return "SUCCEEDED".equals(state) ? 0 : 1;
    }
}

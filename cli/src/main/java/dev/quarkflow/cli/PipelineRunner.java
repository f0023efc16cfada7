package dev.quarkflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a compiled pipeline through the api-server as {@code kfp.Client} would: upload, create a run, follow its
 * tasks until the run ends. Needs metadata-grpc and api-server up (started here when they are not).
 */
@ApplicationScoped
public class PipelineRunner {

    static final List<String> SERVICES = List.of("metadata-grpc", "api-server");
    private static final Set<String> FINAL_STATES = Set.of("SUCCEEDED", "FAILED", "SKIPPED", "CANCELED");
    private static final Duration POLL = Duration.ofMillis(500);

    private final CliConfig config;

    PipelineRunner(CliConfig config) {
        this.config = config;
    }

    /** The finished run as the API returns it. */
    public JsonNode run(Path pipeline, Map<String, String> parameters, PrintWriter err) {
        KfpClient kfp = new KfpClient(config.cli().apiServerUrl());
        String name = pipelineName(pipeline);
        JsonNode version = kfp.upload(pipeline, name);
        err.printf("Uploaded %s as pipeline %s (version %s)%n", pipeline.getFileName(), name,
                version.path("pipeline_version_id").asText());
        JsonNode run = kfp.createRun(name + " " + Instant.now(), version, parameterValues(parameters));
        String runId = run.path("run_id").asText();
        err.printf("Run %s created; following its tasks:%n", runId);
        err.flush();

        Map<String, String> seen = new HashMap<>();
        Instant deadline = Instant.now().plus(config.cli().runTimeout());
        while (true) {
            run = kfp.getRun(runId);
            for (JsonNode task : run.path("run_details").path("task_details")) {
                String label = task.path("display_name").asText(task.path("task_id").asText());
                String state = task.path("state").asText("PENDING");
                if (!state.equals(seen.put(task.path("task_id").asText(), state))) {
                    err.printf("  %-36s %s%n", label, state);
                    err.flush();
                }
            }
            if (FINAL_STATES.contains(run.path("state").asText())) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CliFailure("run " + runId + " still " + run.path("state").asText() + " after "
                        + config.cli().runTimeout().toSeconds() + "s");
            }
            LocalServices.sleep(POLL);
        }
    }

    /** The name the pipeline is uploaded under: its file name without the extension. */
    static String pipelineName(Path pipeline) {
        String file = pipeline.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** {@code --param k=v}: numbers, booleans and JSON stay typed, as kfp.Client sends Python values. */
    static ObjectNode parameterValues(Map<String, String> parameters) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        parameters.forEach((key, raw) -> {
            if (raw.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                values.put(key, Double.parseDouble(raw));
            } else if (raw.equals("true") || raw.equals("false")) {
                values.put(key, Boolean.parseBoolean(raw));
            } else {
                values.put(key, raw);
            }
        });
        return values;
    }
}

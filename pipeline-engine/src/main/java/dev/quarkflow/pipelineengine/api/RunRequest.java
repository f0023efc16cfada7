package dev.quarkflow.pipelineengine.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.Value;

import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * A run to start.
 *
 * @param runId unique id of the run (the api-server's run UUID)
 * @param runName display name ({@code {{$.pipeline_job_name}}})
 * @param pipeline the compiled pipeline
 * @param parameters {@code runtime_config.parameters}
 * @param pipelineRoot {@code runtime_config.pipeline_root}; {@code null} or empty for the engine's default
 * @param cachingEnabled {@code false} turns caching off for every task of this run
 * @param createTime when the run was created ({@code null}: now)
 */
public record RunRequest(String runId, String runName, CompiledPipeline pipeline, Map<String, Value> parameters,
        Map<String, List<RuntimeArtifact>> inputArtifacts, String pipelineRoot, boolean cachingEnabled,
        Instant createTime) {

    public RunRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipeline, "pipeline");
        runName = runName == null || runName.isEmpty() ? pipeline.pipelineName() : runName;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        inputArtifacts = inputArtifacts == null ? Map.of() : Map.copyOf(inputArtifacts);
    }

    /** A run with caching on, the default pipeline root and no input artifacts. */
    public static RunRequest of(String runId, CompiledPipeline pipeline, Map<String, Value> parameters) {
        return new RunRequest(runId, null, pipeline, parameters, Map.of(), null, true, null);
    }
}

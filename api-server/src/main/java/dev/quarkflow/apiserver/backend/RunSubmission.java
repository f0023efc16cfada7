package dev.quarkflow.apiserver.backend;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.PipelineSpec;
import dev.quarkflow.proto.pipelinespec.PlatformSpec;

/**
 * Everything a backend needs to execute one run, resolved and validated by the API.
 *
 * @param parameters the run's runtime parameters (root inputs), macros not yet expanded
 * @param pipelineRoot {@code runtime_config.pipeline_root}, or "" for the backend's default
 */
public record RunSubmission(String runId, String displayName, String namespace, String experimentId,
        PipelineSpec spec, Optional<PlatformSpec> platformSpec, Map<String, Value> parameters, String pipelineRoot,
        String serviceAccount, Instant createdAt, Instant scheduledAt, Optional<String> recurringRunId) {
}

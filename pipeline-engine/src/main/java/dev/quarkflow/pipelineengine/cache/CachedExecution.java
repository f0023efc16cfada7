package dev.quarkflow.pipelineengine.cache;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/** A successful execution that later identical tasks may reuse. */
public record CachedExecution(String runId, String taskId, Map<String, Value> outputParameters,
        Map<String, List<RuntimeArtifact>> outputArtifacts) {

    public CachedExecution {
        outputParameters = Map.copyOf(outputParameters);
        outputArtifacts = Map.copyOf(outputArtifacts);
    }
}

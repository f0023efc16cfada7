package dev.quarkflow.pipelineengine.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.ComponentSpec;
import dev.quarkflow.proto.pipelinespec.PipelineDeploymentConfig.PipelineContainerSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec.CachingOptions;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * A container task ready to run: everything a backend needs to build the executor input, resolve the
 * placeholders and start the process. Inputs are resolved, defaults of the component's optional inputs applied.
 *
 * @param timeout zero for none
 */
public record ExecutorTask(String taskId, String taskName, String displayName, String taskUuid, String componentName,
        String executorLabel, PipelineContainerSpec container, ComponentSpec component,
        Map<String, Value> inputParameters, Map<String, List<RuntimeArtifact>> inputArtifacts,
        CachingOptions caching, Struct kubernetesConfig, int attempt, Duration timeout) {

    public ExecutorTask {
        inputParameters = Map.copyOf(inputParameters);
        inputArtifacts = Map.copyOf(inputArtifacts);
    }
}

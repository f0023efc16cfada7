package dev.quarkflow.pipelineengine.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * The facts of one run the interpreter needs besides the pipeline.
 *
 * @param runId the run's id ({@code {{$.pipeline_job_uuid}}})
 * @param runName the run's display name ({@code {{$.pipeline_job_name}}})
 * @param resourceName {@code {{$.pipeline_job_resource_name}}}
 * @param pipelineRoot the run root's parent as the user gave it ({@code {{$.pipeline_root}}})
 * @param workspacePath the shared workspace directory ({@code {{$.workspace_path}}})
 * @param parameters run parameters (root inputs)
 * @param inputArtifacts root input artifacts
 * @param taskTimeout how long a container may run before it is killed and failed (zero: no limit)
 */
public record RunContext(String runId, String runName, String resourceName, String pipelineRoot,
        String workspacePath, Map<String, Value> parameters, Map<String, List<RuntimeArtifact>> inputArtifacts,
        Instant createTime, Instant scheduleTime, Duration taskTimeout) {

    public RunContext {
        parameters = Map.copyOf(parameters);
        inputArtifacts = Map.copyOf(inputArtifacts);
        taskTimeout = taskTimeout == null ? Duration.ZERO : taskTimeout;
        scheduleTime = scheduleTime == null ? createTime : scheduleTime;
    }
}

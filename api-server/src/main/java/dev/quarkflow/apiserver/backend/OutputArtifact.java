package dev.quarkflow.apiserver.backend;

/**
 * An output artifact of a run's task, as a backend reports it for ReadArtifact.
 *
 * @param taskId the API's task id ({@code run_details.task_details[].task_id})
 * @param taskPath the backend's own name of the task (the local engine's task path)
 * @param name the output's name in the component's {@code outputDefinitions.artifacts}
 * @param uri where the artifact is ({@code runtimeArtifact.uri})
 */
public record OutputArtifact(String taskId, String taskPath, String name, String uri) {
}

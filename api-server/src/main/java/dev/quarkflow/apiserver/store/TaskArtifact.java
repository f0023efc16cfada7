package dev.quarkflow.apiserver.store;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.Length;

/** Where one output artifact of a run's task is, as the run backend reported it. */
@Embeddable
public class TaskArtifact {
    /** The API's task id ({@code run_details.task_details[].task_id}). */
    @Column(name = "task_id")
    public String taskId;
    /** The engine's task path, e.g. {@code for-loop-2/iteration-0/train}. */
    @Column(name = "task_path", length = 1024)
    public String taskPath;
    /** The output's name in the component's {@code outputDefinitions.artifacts}. */
    public String name;
    @Column(length = Length.LONG32)
    public String uri;

    public TaskArtifact() {
    }

    public TaskArtifact(String taskId, String taskPath, String name, String uri) {
        this.taskId = taskId;
        this.taskPath = taskPath;
        this.name = name;
        this.uri = uri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskArtifact that && Objects.equals(taskId, that.taskId)
                && Objects.equals(taskPath, that.taskPath) && Objects.equals(name, that.name)
                && Objects.equals(uri, that.uri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, taskPath, name, uri);
    }
}

package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** One successful execution in the cache index; {@code outputs} is an {@code ExecutorOutput} as proto JSON. */
@Entity
@Table(name = "task_cache")
public class TaskCacheEntity {
    @Id
    public String id;
    @Column(name = "pipeline_name")
    public String pipelineName;
    public String fingerprint;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "task_id")
    public String taskId;
    @Column(length = Length.LONG32)
    public String outputs;
}

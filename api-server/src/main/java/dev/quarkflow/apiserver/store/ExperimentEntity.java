package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** An experiment; {@code name} is the API's {@code display_name}, unique per namespace. */
@Entity
@Table(name = "experiments")
public class ExperimentEntity {
    @Id
    public String id;
    public String name;
    @Column(length = Length.LONG32)
    public String description;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "last_run_created_at")
    public long lastRunCreatedAt;
    public String namespace;
    @Column(name = "storage_state")
    public String storageState;
}

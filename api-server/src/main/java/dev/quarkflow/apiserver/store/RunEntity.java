package dev.quarkflow.apiserver.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.Length;
import org.hibernate.annotations.BatchSize;

import dev.quarkflow.apiserver.list.ListQuery;

/** A run and its persisted state machine; the run backend moves {@code state} through the API's states. */
@Entity
@Table(name = "runs")
public class RunEntity {
    @Id
    public String id;
    @Column(name = "display_name")
    public String displayName;
    @Column(length = Length.LONG32)
    public String description;
    @Column(name = "experiment_id")
    public String experimentId;
    public String namespace;
    @Column(name = "storage_state")
    public String storageState;
    @Embedded
    public PipelineSource source = new PipelineSource();
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "scheduled_at")
    public long scheduledAt;
    @Column(name = "finished_at")
    public long finishedAt;
    public String state;
    @Column(name = "error_code")
    public int errorCode;
    @Column(name = "error_message", length = Length.LONG32)
    public String errorMessage;
    /** RunDetails as proto JSON text, written by the run backend. */
    @Column(name = "run_details", length = Length.LONG32)
    public String runDetails;
    @Column(name = "recurring_run_id")
    public String recurringRunId;
    /** plugins_input as a JSON object text, or null. */
    @Column(name = "plugins_input", length = Length.LONG32)
    public String pluginsInput;
    // one statement loads the collections of a whole list page (no query per row)
    @ElementCollection
    @BatchSize(size = ListQuery.MAX_PAGE_SIZE + 1)
    @CollectionTable(name = "run_state_history", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "seq")
    public List<StateChange> stateHistory = new ArrayList<>();
    /** The output artifacts of the run's tasks (ReadArtifact); lazy, so lists never load them. */
    @ElementCollection
    @CollectionTable(name = "run_artifacts", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "seq")
    public List<TaskArtifact> artifacts = new ArrayList<>();
}

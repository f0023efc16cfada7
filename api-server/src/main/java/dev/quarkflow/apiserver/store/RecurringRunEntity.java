package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** A recurring run: a trigger plus the run template it creates runs from. Times are Unix seconds. */
@Entity
@Table(name = "recurring_runs")
public class RecurringRunEntity {
    public static final String CRON = "CRON";
    public static final String PERIODIC = "PERIODIC";
    public static final String NONE = "NONE";

    @Id
    public String id;
    @Column(name = "display_name")
    public String displayName;
    @Column(length = Length.LONG32)
    public String description;
    @Column(name = "experiment_id")
    public String experimentId;
    public String namespace;
    @Embedded
    public PipelineSource source = new PipelineSource();
    @Column(name = "max_concurrency")
    public long maxConcurrency;
    @Column(name = "trigger_kind")
    public String triggerKind;
    public String cron;
    @Column(name = "interval_second")
    public long intervalSecond;
    @Column(name = "start_time")
    public Long startTime;
    @Column(name = "end_time")
    public Long endTime;
    public boolean enabled;
    @Column(name = "no_catchup")
    public boolean noCatchup;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
    /** Slot time of the last run created, or null before the first. */
    @Column(name = "last_scheduled_at")
    public Long lastScheduledAt;
    @Column(name = "run_count")
    public long runCount;
    @Column(name = "plugins_input", length = Length.LONG32)
    public String pluginsInput;
}

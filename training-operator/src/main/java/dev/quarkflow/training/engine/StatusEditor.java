package dev.quarkflow.training.engine;

import java.util.Map;

import dev.quarkflow.training.api.JobStatus;
import dev.quarkflow.training.api.ReplicaStatus;

/** The status being computed in one reconcile, with upstream's condition helpers worded per kind. */
public final class StatusEditor {

    private final JobStatus status;
    private final String kind;
    private final String now;

    public StatusEditor(JobStatus status, String kind, String now) {
        this.status = status;
        this.kind = kind;
        this.now = now;
    }

    public JobStatus status() {
        return status;
    }

    public String now() {
        return now;
    }

    public ReplicaStatus counts(String replicaType) {
        Map<String, ReplicaStatus> statuses = status.getReplicaStatuses();
        ReplicaStatus counts = statuses == null ? null : statuses.get(replicaType);
        return counts == null ? new ReplicaStatus() : counts;
    }

    public void running(String message) {
        set(Conditions.RUNNING, Conditions.TRUE, Conditions.REASON_RUNNING, message);
    }

    public void restarting(String message) {
        set(Conditions.RESTARTING, Conditions.TRUE, Conditions.REASON_RESTARTING, message);
    }

    public void succeeded(String message) {
        markCompleted();
        set(Conditions.SUCCEEDED, Conditions.TRUE, Conditions.REASON_SUCCEEDED, message);
    }

    public void failed(String reasonSuffix, String message) {
        markCompleted();
        set(Conditions.FAILED, Conditions.TRUE, reasonSuffix, message);
    }

    /** Failed with a reason taken verbatim (e.g. a pod's own status reason), not prefixed by the kind. */
    public void failedWithReason(String reason, String message) {
        markCompleted();
        JobConditions.set(status, Conditions.FAILED, Conditions.TRUE, reason, message, now);
    }

    public void failed(String message) {
        failed(Conditions.REASON_FAILED, message);
    }

    public void set(String type, String conditionStatus, String reasonSuffix, String message) {
        JobConditions.set(status, type, conditionStatus, Conditions.reason(kind, reasonSuffix), message, now);
    }

    public void markCompleted() {
        if (status.getCompletionTime() == null && !JobConditions.isTrue(status, Conditions.FAILED)) {
            status.setCompletionTime(now);
        }
    }

    public boolean isTrue(String type) {
        return JobConditions.isTrue(status, type);
    }
}

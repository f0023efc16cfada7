package dev.quarkflow.training.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Status shared by every job kind; times are RFC 3339 UTC strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobStatus {

    private List<JobCondition> conditions;
    private Map<String, ReplicaStatus> replicaStatuses;
    private String startTime;
    private String completionTime;
    private String lastReconcileTime;

    public List<JobCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<JobCondition> conditions) {
        this.conditions = conditions;
    }

    public Map<String, ReplicaStatus> getReplicaStatuses() {
        return replicaStatuses;
    }

    public void setReplicaStatuses(Map<String, ReplicaStatus> replicaStatuses) {
        this.replicaStatuses = replicaStatuses;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getCompletionTime() {
        return completionTime;
    }

    public void setCompletionTime(String completionTime) {
        this.completionTime = completionTime;
    }

    public String getLastReconcileTime() {
        return lastReconcileTime;
    }

    public void setLastReconcileTime(String lastReconcileTime) {
        this.lastReconcileTime = lastReconcileTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobStatus s && java.util.Objects.equals(conditions, s.conditions)
                && java.util.Objects.equals(replicaStatuses, s.replicaStatuses)
                && java.util.Objects.equals(startTime, s.startTime)
                && java.util.Objects.equals(completionTime, s.completionTime)
                && java.util.Objects.equals(lastReconcileTime, s.lastReconcileTime);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(conditions, replicaStatuses, startTime, completionTime);
    }

}

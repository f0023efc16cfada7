package dev.quarkflow.training.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Default;

/** Run-time policies shared by every job kind ({@code spec.runPolicy}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunPolicy {

    private String cleanPodPolicy;
    private Integer ttlSecondsAfterFinished;
    private Long activeDeadlineSeconds;
    private Integer backoffLimit;
    private SchedulingPolicy schedulingPolicy;
    @Default("false")
    private Boolean suspend;
    private String managedBy;

    public String getCleanPodPolicy() {
        return cleanPodPolicy;
    }

    public void setCleanPodPolicy(String cleanPodPolicy) {
        this.cleanPodPolicy = cleanPodPolicy;
    }

    public Integer getTtlSecondsAfterFinished() {
        return ttlSecondsAfterFinished;
    }

    public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
        this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
    }

    public Long getActiveDeadlineSeconds() {
        return activeDeadlineSeconds;
    }

    public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
        this.activeDeadlineSeconds = activeDeadlineSeconds;
    }

    public Integer getBackoffLimit() {
        return backoffLimit;
    }

    public void setBackoffLimit(Integer backoffLimit) {
        this.backoffLimit = backoffLimit;
    }

    public SchedulingPolicy getSchedulingPolicy() {
        return schedulingPolicy;
    }

    public void setSchedulingPolicy(SchedulingPolicy schedulingPolicy) {
        this.schedulingPolicy = schedulingPolicy;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public String getManagedBy() {
        return managedBy;
    }

    public void setManagedBy(String managedBy) {
        this.managedBy = managedBy;
    }

}

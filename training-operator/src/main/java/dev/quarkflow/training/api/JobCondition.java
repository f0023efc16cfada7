package dev.quarkflow.training.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** One entry of {@code status.conditions}; times are RFC 3339 UTC strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobCondition {

    @Required
    private String type;
    @Required
    private String status;
    private String reason;
    private String message;
    private String lastUpdateTime;
    private String lastTransitionTime;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLastUpdateTime() {
        return lastUpdateTime;
    }

    public void setLastUpdateTime(String lastUpdateTime) {
        this.lastUpdateTime = lastUpdateTime;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public JobCondition() {
    }

    public JobCondition(String type, String status, String reason, String message, String time) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.lastUpdateTime = time;
        this.lastTransitionTime = time;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobCondition c && java.util.Objects.equals(type, c.type)
                && java.util.Objects.equals(status, c.status)
                && java.util.Objects.equals(reason, c.reason) && java.util.Objects.equals(message, c.message)
                && java.util.Objects.equals(lastUpdateTime, c.lastUpdateTime)
                && java.util.Objects.equals(lastTransitionTime, c.lastTransitionTime);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, status, reason, message);
    }

}

package dev.quarkflow.training.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.LabelSelector;

/** Pod counts of one replica type ({@code status.replicaStatuses.<type>}); zero counts are omitted like upstream. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class ReplicaStatus {

    private int active;
    private int succeeded;
    private int failed;
    private LabelSelector labelSelector;
    private String selector;

    public int getActive() {
        return active;
    }

    public void setActive(int active) {
        this.active = active;
    }

    public int getSucceeded() {
        return succeeded;
    }

    public void setSucceeded(int succeeded) {
        this.succeeded = succeeded;
    }

    public int getFailed() {
        return failed;
    }

    public void setFailed(int failed) {
        this.failed = failed;
    }

    public LabelSelector getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(LabelSelector labelSelector) {
        this.labelSelector = labelSelector;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicaStatus r && active == r.active && succeeded == r.succeeded && failed == r.failed
                && java.util.Objects.equals(labelSelector, r.labelSelector) && java.util.Objects.equals(selector, r.selector);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(active, succeeded, failed, selector);
    }

}

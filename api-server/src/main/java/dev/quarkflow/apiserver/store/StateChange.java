package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.Length;

/** One entry of a run's state history. */
@Embeddable
public class StateChange {
    @Column(name = "update_time")
    public long updateTime;
    public String state;
    @Column(name = "error_message", length = Length.LONG32)
    public String errorMessage;

    public StateChange() {
    }

    public StateChange(long updateTime, String state, String errorMessage) {
        this.updateTime = updateTime;
        this.state = state;
        this.errorMessage = errorMessage;
    }
}

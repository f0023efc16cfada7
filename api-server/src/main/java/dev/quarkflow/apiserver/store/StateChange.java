package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** One entry of a run's state history. */
@Embeddable
public class StateChange {
    @Column(name = "update_time")
    public long updateTime;
    public String state;
    @Lob
    @Column(name = "error_message")
    public String errorMessage;

    public StateChange() {
    }

    public StateChange(long updateTime, String state, String errorMessage) {
        this.updateTime = updateTime;
        this.state = state;
        this.errorMessage = errorMessage;
    }
}

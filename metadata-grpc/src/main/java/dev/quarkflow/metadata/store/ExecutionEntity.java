package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "mlmd_execution")
public class ExecutionEntity extends NodeEntity {

    /** Execution.State number; null when never set. */
    @Column(name = "last_known_state")
    public Integer lastKnownState;
}

package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The link saying an execution belongs to a context. */
@Entity
@Table(name = "mlmd_association")
public class AssociationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "context_id", nullable = false)
    public long contextId;

    @Column(name = "execution_id", nullable = false)
    public long executionId;
}

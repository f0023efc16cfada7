package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The link saying an artifact belongs to a context. */
@Entity
@Table(name = "mlmd_attribution")
public class AttributionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "context_id", nullable = false)
    public long contextId;

    @Column(name = "artifact_id", nullable = false)
    public long artifactId;
}

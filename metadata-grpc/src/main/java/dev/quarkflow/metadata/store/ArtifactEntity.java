package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "mlmd_artifact")
public class ArtifactEntity extends NodeEntity {

    @Column(nullable = false, length = 4096)
    public String uri;

    /** Artifact.State number; null when never set. */
    public Integer state;
}

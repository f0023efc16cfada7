package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The link from a child context to one of its parents. */
@Entity
@Table(name = "mlmd_parent_context")
public class ParentContextEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "child_id", nullable = false)
    public long childId;

    @Column(name = "parent_id", nullable = false)
    public long parentId;
}

package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Columns every artifact, execution and context row has. */
@MappedSuperclass
public abstract class NodeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "type_id", nullable = false)
    public long typeId;

    public String name;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "create_time", nullable = false)
    public long createTime;

    @Column(name = "last_update_time", nullable = false)
    public long lastUpdateTime;
}

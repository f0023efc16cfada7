package dev.quarkflow.metadata.store;

import java.sql.Types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;

/** An input/output edge between an artifact and an execution; the path is kept serialized. */
@Entity
@Table(name = "mlmd_event")
public class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "artifact_id", nullable = false)
    public long artifactId;

    @Column(name = "execution_id", nullable = false)
    public long executionId;

    @Column(name = "event_type", nullable = false)
    public int type;

    @Column(name = "milliseconds_since_epoch", nullable = false)
    public long millisecondsSinceEpoch;

    @JdbcTypeCode(Types.LONGVARBINARY)
    public byte[] path;
}

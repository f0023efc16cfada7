package dev.quarkflow.metadata.store;

import java.sql.Types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;

/** An artifact, execution or context type; {@code version} is "" when the type has none. */
@Entity
@Table(name = "mlmd_type")
public class TypeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "type_kind", nullable = false)
    public int kind;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String version;

    @JdbcTypeCode(Types.LONGVARCHAR)
    public String description;

    @Column(name = "external_id")
    public String externalId;

    /** SystemDefinedBaseType number, null when the type has no base type. */
    @Column(name = "base_type")
    public Integer baseType;

    /** Serialized ArtifactStructType (execution types only). */
    @Column(name = "input_type")
    @JdbcTypeCode(Types.LONGVARBINARY)
    public byte[] inputType;

    @Column(name = "output_type")
    @JdbcTypeCode(Types.LONGVARBINARY)
    public byte[] outputType;
}

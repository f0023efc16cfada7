package dev.quarkflow.metadata.store;

import java.sql.Types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;

/**
 * One property or custom property value of a node. {@code valueKind} is the Value oneof case number; exactly the
 * column of that kind is set (struct and proto values are stored serialized in {@code bytesValue}).
 */
@Entity
@Table(name = "mlmd_property")
public class PropertyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "node_kind", nullable = false)
    public int nodeKind;

    @Column(name = "node_id", nullable = false)
    public long nodeId;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_custom", nullable = false)
    public boolean custom;

    @Column(name = "value_kind", nullable = false)
    public int valueKind;

    @Column(name = "int_value")
    public Long intValue;

    @Column(name = "double_value")
    public Double doubleValue;

    @Column(name = "string_value")
    @JdbcTypeCode(Types.LONGVARCHAR)
    public String stringValue;

    @Column(name = "bool_value")
    public Boolean boolValue;

    @Column(name = "bytes_value")
    @JdbcTypeCode(Types.LONGVARBINARY)
    public byte[] bytesValue;
}

package dev.quarkflow.metadata.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A property a type declares, with its PropertyType number. */
@Entity
@Table(name = "mlmd_type_property")
public class TypePropertyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "type_id", nullable = false)
    public long typeId;

    @Column(nullable = false)
    public String name;

    @Column(name = "data_type", nullable = false)
    public int dataType;
}

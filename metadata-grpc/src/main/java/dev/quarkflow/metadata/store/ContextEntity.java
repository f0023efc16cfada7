package dev.quarkflow.metadata.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "mlmd_context")
public class ContextEntity extends NodeEntity {
}

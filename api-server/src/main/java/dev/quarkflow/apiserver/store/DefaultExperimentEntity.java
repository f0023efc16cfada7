package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one-row table that remembers which experiment is "Default" (upstream's default_experiments). */
@Entity
@Table(name = "default_experiments")
public class DefaultExperimentEntity {
    public static final int ROW = 1;

    @Id
    public int id = ROW;
    @Column(name = "experiment_id")
    public String experimentId;
}

package dev.quarkflow.katib.controller.dbmanager;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One row of upstream's {@code observation_logs}: a metric value a trial reported at a time (UTC). */
@Entity
@Table(name = "observation_logs")
public class ObservationLogEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trial_name", nullable = false)
    public String trialName;

    @Column(name = "time", nullable = false, columnDefinition = "TIMESTAMP(6)")
    public LocalDateTime time;

    @Column(name = "metric_name", nullable = false)
    public String metricName;

    @Lob
    @Column(name = "value", nullable = false)
    public String value;
}

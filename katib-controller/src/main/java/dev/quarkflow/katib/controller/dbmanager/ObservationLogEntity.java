package dev.quarkflow.katib.controller.dbmanager;

import java.sql.Types;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;

/** One row of upstream's {@code observation_logs}: a metric value a trial reported at a time (UTC). */
@Entity
@Table(name = "observation_logs")
public class ObservationLogEntity {

    // INT in upstream's tables (MySQL AUTO_INCREMENT, PostgreSQL serial); BIGINT in H2 reads as well
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(name = "trial_name", nullable = false)
    public String trialName;

    @Column(name = "time", columnDefinition = "TIMESTAMP(6)")
    public LocalDateTime time;

    @Column(name = "metric_name", nullable = false)
    public String metricName;

    // TEXT in upstream's MySQL and PostgreSQL tables, CHARACTER VARYING in H2; @Lob would be an oid on PostgreSQL
    @JdbcTypeCode(Types.LONGVARCHAR)
    @Column(name = "value", nullable = false)
    public String value;
}

package dev.quarkflow.katib.controller.dbmanager;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Queries over {@code observation_logs}, with named parameters only. */
@ApplicationScoped
public class ObservationLogRepository implements PanacheRepository<ObservationLogEntity> {

    public List<ObservationLogEntity> find(String trialName, String metricName, LocalDateTime start,
            LocalDateTime end) {
        StringBuilder query = new StringBuilder("trialName = :trial");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("trial", trialName);
        if (metricName != null) {
            query.append(" and metricName = :metric");
            parameters.put("metric", metricName);
        }
        if (start != null) {
            query.append(" and time >= :start");
            parameters.put("start", start);
        }
        if (end != null) {
            query.append(" and time <= :end");
            parameters.put("end", end);
        }
        return find(query.toString(), Sort.ascending("time", "id"), parameters).list();
    }

    public long deleteTrial(String trialName) {
        return delete("trialName", trialName);
    }
}

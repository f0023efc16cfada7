package dev.quarkflow.katib.controller.dbmanager;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import dev.quarkflow.common.database.DatabaseKind;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * Queries over {@code observation_logs}, with named parameters only, on the persistence unit of the database that
 * configuration selected at start-up (Panache binds an entity to one unit, so this uses the Hibernate session).
 */
@ApplicationScoped
public class ObservationLogRepository {

    private final Session session;

    ObservationLogRepository(DBManagerConfig config,
            @PersistenceUnit("h2") InjectableInstance<Session> h2,
            @PersistenceUnit("postgresql") InjectableInstance<Session> postgresql,
            @PersistenceUnit("mysql") InjectableInstance<Session> mysql) {
        this.session = switch (DatabaseKind.parse(DatabaseSelectionConfigSourceFactory.DATABASE_KEY, config.database())) {
            case H2 -> h2.get();
            case POSTGRESQL -> postgresql.get();
            case MYSQL -> mysql.get();
        };
    }

    public void persist(List<ObservationLogEntity> rows) {
        rows.forEach(session::persist);
    }

    public List<ObservationLogEntity> find(String trialName, String metricName, LocalDateTime start,
            LocalDateTime end) {
        StringBuilder query = new StringBuilder("from ObservationLogEntity where trialName = :trial");
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
        query.append(" order by time, id");
        var select = session.createSelectionQuery(query.toString(), ObservationLogEntity.class);
        parameters.forEach(select::setParameter);
        return select.getResultList();
    }

    public long deleteTrial(String trialName) {
        return session.createMutationQuery("delete from ObservationLogEntity where trialName = :trial")
                .setParameter("trial", trialName).executeUpdate();
    }
}

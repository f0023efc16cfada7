package dev.quarkflow.apiserver.store;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.hibernate.Session;

import dev.quarkflow.common.database.DatabaseKind;
import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * The session of the one persistence unit that is active. Each database kind (H2, PostgreSQL, MySQL/MariaDB) has
 * its own datasource and persistence unit over the same entities; {@code quarkflow.api-server.database} activates
 * exactly one at start-up. Panache's entity helpers bind an entity to a single persistence unit, so the stores use
 * the Hibernate session directly.
 */
@ApplicationScoped
public class Database {

    private final Session session;
    private final DatabaseKind kind;

    Database(Config config, @PersistenceUnit("h2") Instance<Session> h2,
            @PersistenceUnit("postgresql") Instance<Session> postgresql,
            @PersistenceUnit("mysql") Instance<Session> mysql) {
        List<DatabaseKind> active = Arrays.stream(DatabaseKind.values())
                .filter(kind -> config.getOptionalValue("quarkus.datasource." + kind.unitName() + ".active",
                        Boolean.class).orElse(true))
                .toList();
        if (active.size() != 1) {
            throw new IllegalStateException("exactly one database must be active: set quarkflow.api-server.database"
                    + " to h2, postgresql or mysql (active now: " + active + ")");
        }
        this.kind = active.get(0);
        this.session = switch (kind) {
            case H2 -> h2.get();
            case POSTGRESQL -> postgresql.get();
            case MYSQL -> mysql.get();
        };
    }

    public Session session() {
        return session;
    }

    /** The active database kind. */
    public DatabaseKind kind() {
        return kind;
    }
}

package dev.quarkflow.apiserver.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * The session of the one persistence unit that is active. Each database kind (H2, PostgreSQL) has its own
 * datasource and persistence unit over the same entities; start-up configuration activates exactly one. Panache's
 * entity helpers bind an entity to a single persistence unit, so the stores use the Hibernate session directly.
 */
@ApplicationScoped
public class Database {

    static final List<String> KINDS = List.of("h2", "postgresql");

    private final Session session;
    private final String kind;

    Database(Config config, @PersistenceUnit("h2") Instance<Session> h2,
            @PersistenceUnit("postgresql") Instance<Session> postgresql) {
        List<String> active = KINDS.stream()
                .filter(kind -> config.getOptionalValue("quarkus.datasource." + kind + ".active", Boolean.class)
                        .orElse(true))
                .toList();
        if (active.size() != 1) {
            throw new IllegalStateException("exactly one of the datasources " + KINDS
                    + " must be active (quarkus.datasource.<kind>.active), found " + active);
        }
        this.kind = active.get(0);
        this.session = switch (kind) {
            case "postgresql" -> postgresql.get();
            default -> h2.get();
        };
    }

    public Session session() {
        return session;
    }

    /** The active database kind: {@code h2} or {@code postgresql}. */
    public String kind() {
        return kind;
    }
}

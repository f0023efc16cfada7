package dev.quarkflow.metadata.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import dev.quarkflow.common.database.DatabaseKind;
import dev.quarkflow.metadata.config.DatabaseSelectionConfigSourceFactory;
import dev.quarkflow.metadata.config.MetadataConfig;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;

/** The Hibernate session of the persistence unit that configuration selected at start-up. */
@ApplicationScoped
public class StoreSession {

    private final Session session;
    private final DatabaseKind database;

    @Inject
    StoreSession(MetadataConfig config,
            @PersistenceUnit("h2") InjectableInstance<Session> h2,
            @PersistenceUnit("postgresql") InjectableInstance<Session> postgresql,
            @PersistenceUnit("mysql") InjectableInstance<Session> mysql) {
        this.database = DatabaseKind.parse(DatabaseSelectionConfigSourceFactory.DATABASE_KEY, config.database());
        this.session = switch (database) {
            case H2 -> h2.get();
            case POSTGRESQL -> postgresql.get();
            case MYSQL -> mysql.get();
        };
    }

    public Session get() {
        return session;
    }

    public DatabaseKind database() {
        return database;
    }
}

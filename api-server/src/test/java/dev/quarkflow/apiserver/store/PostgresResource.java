package dev.quarkflow.apiserver.store;

import java.util.Map;

import dev.quarkflow.common.testing.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real PostgreSQL server for the storage tests, on a free port. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedDatabase.postgresql();
        return Map.of("quarkflow.api-server.database", "postgresql",
                "quarkus.datasource.postgresql.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.postgresql.username", db.username(),
                "quarkus.datasource.postgresql.password", db.password());
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}

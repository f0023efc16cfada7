package dev.quarkflow.metadata.grpc;

import java.util.Map;

import dev.quarkflow.common.testing.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real PostgreSQL server for the store tests, on a free port. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedDatabase.postgresql();
        return Map.of("quarkflow.metadata.database", "postgresql",
                "quarkus.datasource.\"postgresql\".jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.\"postgresql\".username", db.username(),
                "quarkus.datasource.\"postgresql\".password", db.password());
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}

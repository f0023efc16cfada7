package dev.quarkflow.apiserver.store;

import java.util.Map;

import dev.quarkflow.common.testing.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real MariaDB server for the storage tests, on a free port. */
public class MariaDbResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedDatabase.mariadb("mlpipeline");
        return Map.of("quarkflow.api-server.database", "mysql",
                "quarkus.datasource.mysql.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.mysql.username", db.username(),
                "quarkus.datasource.mysql.password", db.password());
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}

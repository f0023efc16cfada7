package dev.quarkflow.metadata.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Turns {@code quarkflow.metadata.database} into the {@code active} flags of the three datasources and
 * persistence units, so that one
 * key selects the database. Its ordinal is below application.properties: an explicit flag still wins.
 */
public class DatabaseSelectionConfigSourceFactory implements ConfigSourceFactory {

    static final String DATABASE_KEY = "quarkflow.metadata.database";
    private static final int ORDINAL = 240;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(DATABASE_KEY);
        Database selected = value == null || value.getValue() == null ? Database.H2 : Database.parse(value.getValue());
        return List.of(new MapBackedConfigSource("quarkflow-database-selection", activeFlags(selected), ORDINAL) {
        });
    }

    static Map<String, String> activeFlags(Database selected) {
        return Stream.of(Database.values())
                .flatMap(db -> Stream.of("quarkus.datasource.\"" + db.unitName() + "\".active",
                        "quarkus.hibernate-orm.\"" + db.unitName() + "\".active")
                        .map(key -> Map.entry(key, Boolean.toString(db == selected))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}

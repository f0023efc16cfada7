package dev.quarkflow.common.database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Turns one setting ({@code quarkflow.<module>.database=h2|postgresql|mysql}, H2 when unset or blank) into the
 * {@code active} flags of a service's named datasources: the selected one is active, the others are not, and each
 * persistence unit and Flyway configuration follows its datasource's flag. The source's ordinal is below
 * application.properties, so a datasource flag set explicitly there still wins, and the unit and migrations follow it.
 * An unknown value stops start-up with an error naming the setting.
 *
 * <p>
 * A module registers a small subclass in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}, naming its
 * setting and the key style its application.properties uses, and adds module-specific properties through
 * {@link #extraProperties}:
 *
 * <pre>{@code
 * public class DatabaseSelectionConfigSourceFactory
 *         extends dev.quarkflow.common.database.DatabaseSelectionConfigSourceFactory {
 *     public DatabaseSelectionConfigSourceFactory() {
 *         super("quarkflow.metadata.database", NameStyle.QUOTED);
 *     }
 * }
 * }</pre>
 */
public abstract class DatabaseSelectionConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250) and everything above it. */
    public static final int ORDINAL = 240;

    /**
     * How a datasource's name stands in its configuration keys. SmallRye Config matches keys letter by letter, so
     * the flags must be written the way the module's application.properties (and its users) write them.
     */
    public enum NameStyle {
        /** {@code quarkus.datasource."h2".active} */
        QUOTED,
        /** {@code quarkus.datasource.h2.active} */
        PLAIN
    }

    private final String setting;
    private final NameStyle nameStyle;

    /** @param setting the key that names the database, e.g. {@code quarkflow.metadata.database} */
    protected DatabaseSelectionConfigSourceFactory(String setting, NameStyle nameStyle) {
        this.setting = Objects.requireNonNull(setting, "setting");
        this.nameStyle = Objects.requireNonNull(nameStyle, "nameStyle");
    }

    /** The key that names the database. */
    public final String setting() {
        return setting;
    }

    @Override
    public final Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        DatabaseKind selected = selected(context);
        Map<String, String> properties = new HashMap<>(activeFlags(selected));
        properties.putAll(extraProperties(context, selected));
        return List.of(new MapBackedConfigSource("database selection (" + setting + ")", properties, ORDINAL) {
        });
    }

    @Override
    public final OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The database the setting names; H2 when it is unset or blank. */
    public final DatabaseKind selected(ConfigSourceContext context) {
        return DatabaseKind.parse(setting, value(context, setting, DatabaseKind.H2.unitName()), valueOrigin());
    }

    /**
     * For each kind, its datasource's {@code active} flag ({@code true} only for {@code selected}) and the
     * {@code active} flags of its persistence unit and Flyway configuration, which refer to the datasource's.
     */
    public final Map<String, String> activeFlags(DatabaseKind selected) {
        Map<String, String> flags = new HashMap<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            String datasourceFlag = key("datasource", kind, "active");
            flags.put(datasourceFlag, Boolean.toString(kind == selected));
            flags.put(key("hibernate-orm", kind, "active"), "${" + datasourceFlag + "}");
            flags.put(key("flyway", kind, "active"), "${" + datasourceFlag + "}");
        }
        return flags;
    }

    /**
     * The key of {@code property} of {@code kind}'s configuration in a Quarkus extension, in this module's style:
     * {@code key("flyway", H2, "migrate-at-start")} is {@code quarkus.flyway."h2".migrate-at-start} (quoted style).
     */
    protected final String key(String extension, DatabaseKind kind, String property) {
        String name = nameStyle == NameStyle.QUOTED ? "\"" + kind.unitName() + "\"" : kind.unitName();
        return "quarkus." + extension + "." + name + "." + property;
    }

    /**
     * Module-specific properties to add to the same source (same ordinal); they override the flags on equal keys.
     * None by default.
     */
    protected Map<String, String> extraProperties(ConfigSourceContext context, DatabaseKind selected) {
        return Map.of();
    }

    /**
     * Where else the setting's value may come from, said in the error for an unknown value (e.g. an upstream
     * environment variable its default refers to); {@code null}, the default, for nothing.
     */
    protected String valueOrigin() {
        return null;
    }

    /** The value of {@code key} in the other sources, {@code fallback} when unset or blank. */
    protected static String value(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}

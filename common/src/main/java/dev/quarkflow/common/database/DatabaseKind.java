package dev.quarkflow.common.database;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The databases a Quarkflow service can keep its state in. A service builds in one named datasource per kind (its
 * db-kind is fixed at build time), each with a persistence unit and a Flyway configuration of the same name, and
 * activates one at start-up ({@link DatabaseSelectionConfigSourceFactory}).
 */
public enum DatabaseKind {
    H2("h2"),
    /** Also spelled {@code postgres}, as upstream Katib's {@code DB_NAME} does. */
    POSTGRESQL("postgresql", "postgres"),
    /** MySQL and MariaDB, both through MariaDB Connector/J. */
    MYSQL("mysql", "mariadb");

    private static final String EXPECTED = "expected one of h2, postgresql (postgres), mysql (mariadb)";

    private final String unitName;
    private final List<String> aliases;

    DatabaseKind(String unitName, String... aliases) {
        this.unitName = unitName;
        this.aliases = List.of(aliases);
    }

    /** Name of the datasource, the persistence unit and the Flyway configuration of this database. */
    public String unitName() {
        return unitName;
    }

    /**
     * The kind a setting names, case-insensitively, by its unit name or an alias.
     *
     * @param setting the configuration key the value came from, named in the error
     */
    public static DatabaseKind parse(String setting, String value) {
        return parse(setting, value, null);
    }

    /**
     * @param setting the configuration key the value came from, named in the error
     * @param origin where else the value may have come from (e.g. an upstream environment variable), said in the
     *        error after the value; {@code null} for nothing
     */
    public static DatabaseKind parse(String setting, String value, String origin) {
        Objects.requireNonNull(value, setting);
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (kind.unitName.equals(wanted) || kind.aliases.contains(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(setting + ": unknown database '" + value + "'"
                + (origin == null ? "" : " (" + origin + ")") + ", " + EXPECTED);
    }
}

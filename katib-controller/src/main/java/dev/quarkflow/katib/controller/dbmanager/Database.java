package dev.quarkflow.katib.controller.dbmanager;

import java.util.Locale;

/**
 * The databases DBManager stores observation logs in. Each is one named datasource and persistence unit, all built
 * in; configuration picks one at start-up. Upstream's {@code DB_NAME} values ({@code mysql}, {@code postgres}) are
 * accepted as names, so an upstream db-manager environment selects the same database here.
 */
public enum Database {
    H2("h2"),
    POSTGRESQL("postgresql"),
    MYSQL("mysql");

    private final String unitName;

    Database(String unitName) {
        this.unitName = unitName;
    }

    /** Name of the datasource, the persistence unit and the Flyway configuration of this database. */
    public String unitName() {
        return unitName;
    }

    /** @param key the configuration key the value came from, named in the error */
    public static Database parse(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            // upstream's DB_NAME spells PostgreSQL "postgres"
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException(
                    key + ": unknown database '" + value + "' (set directly or through upstream's DB_NAME), expected one"
                            + " of h2, postgresql (postgres), mysql (mariadb)");
        };
    }
}

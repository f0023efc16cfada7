package dev.quarkflow.metadata.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * The databases the store runs on. Each is one named datasource and persistence unit, built in; configuration
 * picks one at start-up (db-kind is fixed at build time, so all three are compiled in and two are inactive).
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

    public static Database parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("mariadb")) {
            return MYSQL;
        }
        return Arrays.stream(values()).filter(db -> db.unitName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("quarkflow.metadata.database: unknown database '"
                        + value + "', expected one of h2, postgresql, mysql"));
    }
}

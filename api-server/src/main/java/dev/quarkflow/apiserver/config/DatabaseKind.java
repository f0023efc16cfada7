package dev.quarkflow.apiserver.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * The databases the api-server stores its state in. Each is one named datasource, persistence unit and Flyway
 * configuration of the same name, all built in (db-kind is fixed at build time); {@code quarkflow.api-server.database}
 * picks one at start-up and the other two stay inactive.
 */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql"),
    /** MySQL and MariaDB, both through MariaDB Connector/J. */
    MYSQL("mysql");

    private final String unitName;

    DatabaseKind(String unitName) {
        this.unitName = unitName;
    }

    /** Name of the datasource, the persistence unit and the Flyway configuration of this database. */
    public String unitName() {
        return unitName;
    }

    public static DatabaseKind parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("mariadb")) {
            return MYSQL;
        }
        return Arrays.stream(values()).filter(kind -> kind.unitName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(DatabaseSelectionConfigSourceFactory.DATABASE_KEY
                        + ": unknown database '" + value + "', expected one of h2, postgresql, mysql"));
    }
}

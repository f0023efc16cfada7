package dev.quarkflow.apiserver.config;

/**
 * Turns {@code quarkflow.api-server.database} into the {@code active} flags of the datasources; each persistence
 * unit and Flyway configuration follows its datasource's flag. Keys are unquoted, as in application.properties, so
 * datasource flags set explicitly the older way ({@code quarkus.datasource.h2.active=false},
 * {@code quarkus.datasource.postgresql.active=true}) still win.
 */
public class DatabaseSelectionConfigSourceFactory extends dev.quarkflow.common.database.DatabaseSelectionConfigSourceFactory {

    static final String DATABASE_KEY = "quarkflow.api-server.database";

    public DatabaseSelectionConfigSourceFactory() {
        super(DATABASE_KEY, NameStyle.PLAIN);
    }
}

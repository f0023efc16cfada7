package dev.quarkflow.metadata.config;

/**
 * Turns {@code quarkflow.metadata.database} into the {@code active} flags of the three datasources, their persistence
 * units and Flyway configurations (keys in application.properties' quoted style), so that one key selects the
 * database; an explicit flag still wins.
 */
public class DatabaseSelectionConfigSourceFactory extends dev.quarkflow.common.database.DatabaseSelectionConfigSourceFactory {

    public static final String DATABASE_KEY = "quarkflow.metadata.database";

    public DatabaseSelectionConfigSourceFactory() {
        super(DATABASE_KEY, NameStyle.QUOTED);
    }
}

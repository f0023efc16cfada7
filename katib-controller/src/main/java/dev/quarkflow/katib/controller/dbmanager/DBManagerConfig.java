package dev.quarkflow.katib.controller.dbmanager;

import io.smallrye.config.ConfigMapping;

/**
 * {@code quarkflow.katib-controller.database}: which database holds the observation logs (defaults in
 * application.properties; {@link DatabaseSelectionConfigSourceFactory} activates the matching datasource).
 */
@ConfigMapping(prefix = "quarkflow.katib-controller")
public interface DBManagerConfig {

    /** {@code h2}, {@code postgresql} ({@code postgres}) or {@code mysql} ({@code mariadb}). */
    String database();

    /** Upstream's SKIP_DB_INITIALIZATION: no schema migration at start-up. */
    boolean skipDbInitialization();
}

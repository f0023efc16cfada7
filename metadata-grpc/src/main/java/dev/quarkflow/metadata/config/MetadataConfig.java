package dev.quarkflow.metadata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The metadata store's own settings; the datasources themselves are configured under quarkus.datasource. */
@ConfigMapping(prefix = "quarkflow.metadata")
public interface MetadataConfig {

    /** Which database holds the store: h2 (default), postgresql or mysql (MySQL and MariaDB). */
    @WithDefault("h2")
    String database();

    /** How often one RPC is retried when a concurrent writer won a uniqueness race. */
    @WithDefault("3")
    int conflictRetries();
}

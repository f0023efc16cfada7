package dev.quarkflow.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "quarkflow")
public interface CliConfig {

    /** The repository root holding the built modules (the launcher sets QUARKFLOW_HOME). */
    Path home();

    /** Where every service keeps its state, one subfolder each (QUARKFLOW_DATA_DIR). */
    Path dataDir();

    Cli cli();

    interface Cli {
        /** How long {@code up} waits for every service to report ready. */
        Duration startTimeout();

        /** How long a stopping service gets before it is killed. */
        Duration stopTimeout();

        /** JVM options for each service process. */
        List<String> serviceJvmOptions();

        /** Where {@code run} and {@code demo} reach the KFP REST API. */
        String apiServerUrl();

        /** Where {@code demo} reads lineage: the ML Metadata gRPC server. */
        String metadataAddress();

        /** How long {@code run} and {@code demo} follow a run before giving up. */
        Duration runTimeout();
    }
}

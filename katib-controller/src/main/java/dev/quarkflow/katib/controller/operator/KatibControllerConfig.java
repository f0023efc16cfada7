package dev.quarkflow.katib.controller.operator;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code quarkflow.katib-controller.*}: cluster-mode settings (defaults in application.properties). */
@ConfigMapping(prefix = "quarkflow.katib-controller")
public interface KatibControllerConfig {

    Start start();

    Duration clusterProbeTimeout();

    String suggestionAddress();

    Duration suggestionDeadline();

    Duration resyncInterval();

    enum Start {
        AUTO,
        ALWAYS,
        NEVER
    }
}

package dev.quarkflow.katib.controller.operator;

import java.time.Duration;

import dev.quarkflow.common.operator.OperatorActivation;
import io.smallrye.config.ConfigMapping;

/** {@code quarkflow.katib-controller.*}: cluster-mode settings (defaults in application.properties). */
@ConfigMapping(prefix = "quarkflow.katib-controller")
public interface KatibControllerConfig {

    OperatorActivation.Mode start();

    Duration clusterProbeTimeout();

    String suggestionAddress();

    Duration suggestionDeadline();

    Duration resyncInterval();
}

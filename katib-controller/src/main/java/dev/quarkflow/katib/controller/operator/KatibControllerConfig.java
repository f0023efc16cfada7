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

    /** The api.v1.beta1.EarlyStopping service experiments with earlyStopping are asked for rules. */
    String earlyStoppingAddress();

    /**
     * The DBManager address early-stopping services are told to read observation logs from, and injected metrics
     * collectors report to ({@code -s-db}).
     */
    String dbManagerAddress();

    Duration suggestionDeadline();

    /** Namespace of upstream's katib-config ConfigMap (upstream: $KATIB_CORE_NAMESPACE, default kubeflow). */
    String katibConfigNamespace();

    Duration resyncInterval();
}

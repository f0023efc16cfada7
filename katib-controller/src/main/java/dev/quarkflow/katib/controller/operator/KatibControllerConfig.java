package dev.quarkflow.katib.controller.operator;

import java.time.Duration;
import java.util.Optional;

import dev.quarkflow.common.operator.OperatorActivation;
import dev.quarkflow.katib.controller.engine.KatibNames;
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
     * Upstream's katib-db-manager Service, which early-stopping services are told to read observation logs from and
     * injected metrics collectors report to ({@code -s-db}); see {@link #dbManagerAddress()}.
     */
    DbManager dbManager();

    Duration suggestionDeadline();

    /** Namespace of upstream's katib-config ConfigMap (upstream: $KATIB_CORE_NAMESPACE, default kubeflow). */
    String katibConfigNamespace();

    Duration resyncInterval();

    /** Upstream's {@code KATIB_DB_MANAGER_SERVICE_IP}, {@code _NAMESPACE} and {@code _PORT}. */
    interface DbManager {

        String serviceIp();

        /** Empty: the address is {@code <ip>:<port>} (upstream leaves the dot out for an empty namespace). */
        Optional<String> serviceNamespace();

        String servicePort();
    }

    /** The DBManager address as upstream's controller builds it, e.g. {@code katib-db-manager.kubeflow:6789}. */
    default String dbManagerAddress() {
        return KatibNames.dbManagerAddress(dbManager().serviceIp(), dbManager().serviceNamespace().orElse(""),
                dbManager().servicePort());
    }
}

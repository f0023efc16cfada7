package dev.quarkflow.training.operator;

import java.time.Duration;
import java.util.Optional;

import dev.quarkflow.common.operator.OperatorActivation;
import dev.quarkflow.training.engine.EngineSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The operator's settings (upstream's command-line flags); defaults and comments in application.properties. */
@ConfigMapping(prefix = "quarkflow.training-operator")
public interface TrainingOperatorConfig {

    /** When to start the reconcilers: AUTO = only if a Kubernetes API server answers. */
    @WithDefault("auto")
    OperatorActivation.Mode start();

    /** How long the start-up probe waits for the API server. */
    @WithDefault("PT3S")
    Duration clusterProbeTimeout();

    Optional<String> gangSchedulerName();

    @WithDefault("alpine:3.10")
    String pytorchInitContainerImage();

    @WithDefault("100")
    int pytorchInitContainerMaxTries();

    @WithDefault("ghcr.io/kubeflow/training-v1/kubectl-delivery:latest")
    String mpiKubectlDeliveryImage();

    Optional<String> clusterDomain();

    default EngineSettings engineSettings() {
        return new EngineSettings(gangSchedulerName(), pytorchInitContainerImage(), pytorchInitContainerMaxTries(),
                mpiKubectlDeliveryImage(), clusterDomain());
    }
}

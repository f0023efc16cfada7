package dev.quarkflow.training.engine;

import java.util.Optional;

/**
 * Operator-level knobs the pure code needs (upstream's command-line flags), handed in by the reconciler.
 *
 * @param gangSchedulerName empty or "none" = gang scheduling off; "volcano" = Volcano PodGroups; other = scheduler-plugins
 * @param clusterDomain appended to TF_CONFIG host names when present (upstream's CUSTOM_CLUSTER_DOMAIN)
 */
public record EngineSettings(Optional<String> gangSchedulerName, String pytorchInitContainerImage,
        int pytorchInitContainerMaxTries, String mpiKubectlDeliveryImage, Optional<String> clusterDomain) {

    public static final String VOLCANO = "volcano";

    public static EngineSettings defaults() {
        return new EngineSettings(Optional.empty(), "alpine:3.10", 100,
                "ghcr.io/kubeflow/training-v1/kubectl-delivery:latest", Optional.empty());
    }

    public boolean gangScheduling() {
        return gangSchedulerName.filter(name -> !name.isBlank() && !name.equalsIgnoreCase("none")).isPresent();
    }

    public boolean volcano() {
        return gangScheduling() && VOLCANO.equals(gangSchedulerName.get());
    }
}

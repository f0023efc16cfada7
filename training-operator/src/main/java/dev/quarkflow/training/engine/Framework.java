package dev.quarkflow.training.engine;

import java.util.List;

/**
 * A framework's fixed facts (facts §3): kind, controller name, replica-spec field, default container, port and
 * restart policy, canonical replica types.
 */
public record Framework(String kind, String controllerName, String replicaSpecsField, String defaultContainerName,
        String defaultPortName, int defaultPort, String defaultRestartPolicy, List<String> replicaTypes) {

    public Framework {
        replicaTypes = List.copyOf(replicaTypes);
    }
}

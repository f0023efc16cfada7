package dev.quarkflow.training.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.api.RunPolicy;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * Upstream's scheme defaulting, applied to an in-memory copy only (there is no mutating webhook): canonical replica
 * type keys, replicas, restart policy, the default port on the default container, cleanPodPolicy None.
 */
public final class JobDefaults {

    public static final String CLEAN_POD_POLICY_NONE = "None";

    private JobDefaults() {
    }

    public static <J extends KubeflowJob<?>> void apply(FrameworkPlugin<J> plugin, J job) {
        var spec = job.getSpec();
        if (spec.runPolicy() == null) {
            spec.runPolicy(new RunPolicy());
        }
        if (spec.replicaSpecs() != null) {
            Map<String, ReplicaSpec> normalized = new LinkedHashMap<>();
            spec.replicaSpecs().forEach((type, replica) -> normalized.put(canonicalType(plugin, type), replica));
            spec.replicaSpecs(normalized);
            normalized.forEach((type, replica) -> defaultReplica(plugin, type, replica));
        }
        plugin.applyKindDefaults(job);
        if (spec.runPolicy().getCleanPodPolicy() == null) {
            spec.runPolicy().setCleanPodPolicy(CLEAN_POD_POLICY_NONE);
        }
    }

    private static void defaultReplica(FrameworkPlugin<?> plugin, String type, ReplicaSpec replica) {
        if (replica.getReplicas() == null) {
            replica.setReplicas(plugin.defaultReplicas(type));
        }
        if (replica.getRestartPolicy() == null || replica.getRestartPolicy().isEmpty()) {
            replica.setRestartPolicy(plugin.defaultRestartPolicy());
        }
        if (plugin.injectsDefaultPort() && replica.getTemplate() != null) {
            addDefaultPort(plugin, replica.getTemplate());
        }
    }

    static String canonicalType(FrameworkPlugin<?> plugin, String type) {
        return plugin.replicaTypes().stream().filter(t -> t.equalsIgnoreCase(type)).findFirst().orElse(type);
    }

    private static void addDefaultPort(FrameworkPlugin<?> plugin, PodTemplateSpec template) {
        if (template.getSpec() == null || template.getSpec().getContainers() == null
                || template.getSpec().getContainers().isEmpty()) {
            return;
        }
        List<Container> containers = template.getSpec().getContainers();
        Container target = containers.stream().filter(c -> plugin.defaultContainerName().equals(c.getName())).findFirst()
                .orElse(containers.get(0));
        List<ContainerPort> ports = target.getPorts() == null ? new ArrayList<>() : new ArrayList<>(target.getPorts());
        if (ports.stream().noneMatch(p -> plugin.defaultPortName().equals(p.getName()))) {
            var port = new ContainerPort();
            port.setName(plugin.defaultPortName());
            port.setContainerPort(plugin.defaultPort());
            ports.add(port);
        }
        target.setPorts(ports);
    }
}

package dev.quarkflow.katib.controller.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.engine.Json;

/**
 * The {@code runtime.metricsCollectors[]} entries of upstream's {@code katib-config} ({@code kind}, {@code image},
 * {@code imagePullPolicy}, {@code resources}, {@code waitAllProcesses}) with upstream's defaults applied: pull policy
 * IfNotPresent, requests cpu 50m / memory 10Mi / ephemeral-storage 500Mi, limits cpu 500m / memory 100Mi /
 * ephemeral-storage 5Gi, a negative quantity removing that resource; and {@code init.controller.injectSecurityContext}
 * (default false: the sidecar gets the pod's first container's securityContext when true).
 */
public record CollectorConfig(Map<String, Entry> byKind, boolean injectSecurityContext) {

    public static final String CONFIG_MAP = "katib-config";
    public static final String CONFIG_KEY = "katib-config.yaml";

    /** One collector kind's sidecar settings; {@code waitAllProcesses} is null when the config does not set it. */
    public record Entry(String kind, String image, String imagePullPolicy, ObjectNode resources,
            Boolean waitAllProcesses) {
    }

    /** Thrown for a katib-config the controller cannot use; the message names the field. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    public CollectorConfig {
        byKind = Map.copyOf(byKind);
    }

    /** Upstream's stock katib-config (v0.19 images) for StdOut, File and TensorFlowEvent. */
    public static CollectorConfig upstreamDefault() {
        String yaml = """
                runtime:
                  metricsCollectors:
                    - kind: StdOut
                      image: ghcr.io/kubeflow/katib/file-metrics-collector:v0.19.0
                    - kind: File
                      image: ghcr.io/kubeflow/katib/file-metrics-collector:v0.19.0
                    - kind: TensorFlowEvent
                      image: ghcr.io/kubeflow/katib/tfevent-metrics-collector:v0.19.0
                      resources:
                        limits:
                          memory: 1Gi
                """;
        try {
            return parse(yaml);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param yaml the value of the ConfigMap's {@code katib-config.yaml} key */
    public static CollectorConfig parse(String yaml) throws ConfigException {
        JsonNode root;
        try {
            root = Json.YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            throw new ConfigException(CONFIG_KEY + ": not YAML: " + e.getMessage());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonNode collectors = root == null ? null : root.path("runtime").path("metricsCollectors");
        if (collectors != null && collectors.isArray()) {
            int i = 0;
            for (JsonNode node : collectors) {
                String field = "runtime.metricsCollectors[" + i++ + "]";
                String kind = node.path("kind").asText("");
                if (kind.isEmpty()) {
                    throw new ConfigException(field + ".kind: required value");
                }
                String image = node.path("image").asText("");
                if (image.isEmpty()) {
                    throw new ConfigException(field + ".image: required value for image configuration of metrics"
                            + " collector kind " + kind);
                }
                String policy = node.path("imagePullPolicy").asText("");
                if (!policy.equals("Always") && !policy.equals("Never") && !policy.equals("IfNotPresent")) {
                    policy = "IfNotPresent";
                }
                Boolean wait = node.path("waitAllProcesses").isBoolean() ? node.path("waitAllProcesses").asBoolean()
                        : null;
                entries.put(kind, new Entry(kind, image, policy, resources(node.path("resources")), wait));
            }
        }
        JsonNode inject = root == null ? null : root.path("init").path("controller").path("injectSecurityContext");
        return new CollectorConfig(entries, inject != null && inject.asBoolean(false));
    }

    public Optional<Entry> entry(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    private static ObjectNode resources(JsonNode given) {
        ObjectNode resources = Json.MAPPER.createObjectNode();
        ObjectNode requests = resources.putObject("requests");
        ObjectNode limits = resources.putObject("limits");
        defaulted(requests, given.path("requests"), Map.of("cpu", "50m", "memory", "10Mi", "ephemeral-storage",
                "500Mi"));
        defaulted(limits, given.path("limits"), Map.of("cpu", "500m", "memory", "100Mi", "ephemeral-storage", "5Gi"));
        return resources;
    }

    private static void defaulted(ObjectNode target, JsonNode given, Map<String, String> defaults) {
        for (String name : new java.util.TreeSet<>(defaults.keySet())) {
            String value = given.path(name).asText("");
            if (value.isEmpty()) {
                value = defaults.get(name);
            }
            if (!value.startsWith("-")) {
                target.put(name, value);
            }
        }
        given.fields().forEachRemaining(field -> {
            if (!defaults.containsKey(field.getKey()) && !field.getValue().asText("").startsWith("-")) {
                target.set(field.getKey(), field.getValue());
            }
        });
    }
}

package dev.quarkflow.katib.controller.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.engine.Json;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The {@code runtime} part of upstream's {@code katib-config} ConfigMap (key {@code katib-config.yaml}, a
 * {@code KatibConfig}; facts §7): per algorithm the suggestion container and its volume settings, per early-stopping
 * algorithm its image. Looking an entry up applies upstream's defaults (pull policy IfNotPresent, default requests and
 * limits; a negative quantity removes that resource).
 */
public record KatibConfig(List<SuggestionConfig> suggestions, List<EarlyStoppingConfig> earlyStoppings,
        boolean enableGrpcProbeInSuggestion) {

    public static final String CONFIG_MAP_NAME = "katib-config";
    public static final String CONFIG_KEY = "katib-config.yaml";

    /** One {@code runtime.suggestions[]} entry: an inlined core/v1 Container plus the volume settings. */
    public record SuggestionConfig(String algorithmName, Container container, String serviceAccountName,
            String volumeMountPath, PersistentVolumeClaimSpec persistentVolumeClaimSpec,
            PersistentVolumeSpec persistentVolumeSpec, Map<String, String> persistentVolumeLabels) {
    }

    /** One {@code runtime.earlyStoppings[]} entry. */
    public record EarlyStoppingConfig(String algorithmName, String image, String imagePullPolicy,
            ResourceRequirements resources) {
    }

    /** A katib-config that cannot serve the experiment; the message is upstream's. */
    public static final class KatibConfigException extends RuntimeException {
        public KatibConfigException(String message) {
            super(message);
        }
    }

    private static final List<String> SUGGESTION_FIELDS = List.of("algorithmName", "serviceAccountName",
            "volumeMountPath", "persistentVolumeClaimSpec", "persistentVolumeSpec", "persistentVolumeLabels");

    public static KatibConfig parse(String yaml) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new KatibConfigException(CONFIG_KEY + ": not YAML: " + e.getOriginalMessage());
        }
        JsonNode runtime = root == null ? Json.MAPPER.createObjectNode() : root.path("runtime");
        List<SuggestionConfig> suggestions = new ArrayList<>();
        for (JsonNode entry : runtime.path("suggestions")) {
            ObjectNode container = ((ObjectNode) entry).deepCopy();
            container.remove(SUGGESTION_FIELDS);
            suggestions.add(new SuggestionConfig(entry.path("algorithmName").asText(""),
                    Json.MAPPER.convertValue(container, Container.class), text(entry, "serviceAccountName"),
                    text(entry, "volumeMountPath"),
                    convert(entry, "persistentVolumeClaimSpec", PersistentVolumeClaimSpec.class),
                    convert(entry, "persistentVolumeSpec", PersistentVolumeSpec.class),
                    entry.has("persistentVolumeLabels")
                            ? Json.MAPPER.convertValue(entry.get("persistentVolumeLabels"),
                                    Json.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                                            String.class))
                            : null));
        }
        List<EarlyStoppingConfig> earlyStoppings = new ArrayList<>();
        for (JsonNode entry : runtime.path("earlyStoppings")) {
            earlyStoppings.add(new EarlyStoppingConfig(entry.path("algorithmName").asText(""), text(entry, "image"),
                    text(entry, "imagePullPolicy"), convert(entry, "resources", ResourceRequirements.class)));
        }
        JsonNode probes = root == null ? null : root.at("/init/controller/enableGRPCProbeInSuggestion");
        return new KatibConfig(suggestions, earlyStoppings,
                probes == null || probes.isMissingNode() || probes.isNull() || probes.asBoolean(true));
    }

    /** The algorithm's suggestion entry with upstream's defaults applied to its container. */
    public SuggestionConfig suggestion(String algorithmName) {
        SuggestionConfig found = suggestions.stream().filter(s -> s.algorithmName().equals(algorithmName))
                .findFirst().orElseThrow(() -> new KatibConfigException(
                        "failed to find suggestion config for algorithm " + algorithmName));
        Container container = Json.MAPPER.convertValue(found.container(), Container.class);
        if (container.getImage() == null || container.getImage().isEmpty()) {
            throw new KatibConfigException("required value for image configuration of algorithm name "
                    + algorithmName);
        }
        container.setImagePullPolicy(pullPolicy(container.getImagePullPolicy()));
        container.setResources(withDefaults(container.getResources()));
        return new SuggestionConfig(found.algorithmName(), container, found.serviceAccountName(),
                found.volumeMountPath(), found.persistentVolumeClaimSpec(), found.persistentVolumeSpec(),
                found.persistentVolumeLabels());
    }

    public EarlyStoppingConfig earlyStopping(String algorithmName) {
        EarlyStoppingConfig found = earlyStoppings.stream().filter(s -> s.algorithmName().equals(algorithmName))
                .findFirst().orElseThrow(() -> new KatibConfigException(
                        "failed to find early stopping config for algorithm " + algorithmName));
        if (found.image() == null || found.image().isEmpty()) {
            throw new KatibConfigException("required value for image configuration of early stopping algorithm name "
                    + algorithmName);
        }
        return new EarlyStoppingConfig(found.algorithmName(), found.image(), pullPolicy(found.imagePullPolicy()),
                withDefaults(found.resources()));
    }

    private static String pullPolicy(String policy) {
        return "Always".equals(policy) || "Never".equals(policy) || "IfNotPresent".equals(policy) ? policy
                : "IfNotPresent";
    }

    /** Upstream's default requests and limits; a negative value given in the config removes that resource. */
    static ResourceRequirements withDefaults(ResourceRequirements given) {
        ResourceRequirements resources = given == null ? new ResourceRequirements()
                : Json.MAPPER.convertValue(given, ResourceRequirements.class);
        resources.setRequests(withDefaults(resources.getRequests(),
                Map.of("cpu", "50m", "memory", "10Mi", "ephemeral-storage", "500Mi")));
        resources.setLimits(withDefaults(resources.getLimits(),
                Map.of("cpu", "500m", "memory", "100Mi", "ephemeral-storage", "5Gi")));
        return resources;
    }

    private static Map<String, Quantity> withDefaults(Map<String, Quantity> given, Map<String, String> defaults) {
        Map<String, Quantity> result = new LinkedHashMap<>();
        for (String name : List.of("cpu", "memory", "ephemeral-storage")) {
            Quantity quantity = given == null ? null : given.get(name);
            if (quantity == null) {
                result.put(name, new Quantity(defaults.get(name)));
            } else if (!quantity.getAmount().startsWith("-")) {
                result.put(name, quantity);
            }
        }
        if (given != null) {
            given.forEach((name, quantity) -> {
                if (!result.containsKey(name) && !defaults.containsKey(name)) {
                    result.put(name, quantity);
                }
            });
        }
        return result;
    }

    private static String text(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? entry.get(field).asText() : null;
    }

    private static <T> T convert(JsonNode entry, String field, Class<T> type) {
        return entry.hasNonNull(field) ? Json.MAPPER.convertValue(entry.get(field), type) : null;
    }
}

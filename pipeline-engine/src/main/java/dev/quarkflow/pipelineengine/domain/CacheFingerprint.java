package dev.quarkflow.pipelineengine.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Upstream's cache fingerprint of a container task (facts §10): a {@code CacheKey} of input artifact ids, input
 * parameter values, the output specs and the unresolved command/args and image, as JSON with sorted keys and
 * Go's escaping, hashed with SHA-256. A task's {@code cacheKey} replaces it with sha256(component name + NUL +
 * key).
 */
public final class CacheFingerprint {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static {
        // Go's encoding/json escapes <, > and & as \u003c, \u003e, \u0026.
        JSON.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = standardAsciiEscapesForJSON();

            {
                escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
                escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
                escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public SerializedString getEscapeSequence(int ch) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
        });
        JSON.getFactory().disable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    }

    private CacheFingerprint() {
    }

    public static String of(ExecutorTask task) {
        String cacheKey = task.caching().getCacheKey();
        if (!cacheKey.isEmpty()) {
            return sha256(task.componentName() + "\0" + cacheKey);
        }
        return sha256(canonicalJson(task));
    }

    static String canonicalJson(ExecutorTask task) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode artifactNames = key.putObject("inputArtifactNames");
        new TreeMap<>(task.inputArtifacts()).forEach((name, artifacts) -> {
            ArrayNode ids = artifactNames.putObject(name).putArray("artifactNames");
            artifacts.forEach(a -> ids.add(identity(a)));
        });
        ObjectNode parameters = key.putObject("inputParameterValues");
        new TreeMap<>(task.inputParameters()).forEach((name, value) -> parameters.set(name, tree(Values.json(value))));
        ObjectNode outputArtifacts = key.putObject("outputArtifactsSpec");
        new TreeMap<>(task.component().getOutputDefinitions().getArtifactsMap()).forEach((name, spec) -> outputArtifacts
                .set(name, tree(Values.json(RuntimeArtifact.newBuilder().setName(name)
                        .setType(spec.getArtifactType()).setMetadata(spec.getMetadata()).build()))));
        ObjectNode outputParameters = key.putObject("outputParametersSpec");
        new TreeMap<>(task.component().getOutputDefinitions().getParametersMap())
                .forEach((name, spec) -> outputParameters.put(name, spec.getParameterType().name()));
        ObjectNode container = key.putObject("containerSpec");
        ArrayNode cmdArgs = container.putArray("cmdArgs");
        task.container().getCommandList().forEach(cmdArgs::add);
        task.container().getArgsList().forEach(cmdArgs::add);
        container.put("image", task.container().getImage());
        try {
            return JSON.writeValueAsString(sorted(key));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Upstream keys artifacts by MLMD id; without one, the URI identifies the artifact. */
    private static String identity(RuntimeArtifact artifact) {
        return artifact.getName().matches("\\d+") ? artifact.getName() : artifact.getUri();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = JSON.createObjectNode();
            new TreeMap<String, JsonNode>(Map.copyOf(toMap(object))).forEach((k, v) -> out.set(k, sorted(v)));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            array.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(ObjectNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The output artifact URIs a cached execution needs to still exist. */
    public static List<String> artifactUris(Map<String, List<RuntimeArtifact>> outputs) {
        return outputs.values().stream().flatMap(List::stream).map(RuntimeArtifact::getUri).toList();
    }
}

package dev.quarkflow.metadata.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quarkflow.proto.mlmd.Value;

/** How a Put* request with an id rewrites the stored node: whole-node replace, or only the masked fields. */
public final class NodeUpdate {

    private static final String PROPERTIES = "properties";
    private static final String CUSTOM_PROPERTIES = "custom_properties";

    private NodeUpdate() {
    }

    /**
     * The node as it is after the update. Artifact and execution names never change (upstream ignores them);
     * a context's name does. Unknown mask paths are ignored.
     */
    public static Node merge(Node stored, Node request, List<String> maskPaths) {
        return maskPaths.isEmpty() ? replace(stored, request) : masked(stored, request, maskPaths);
    }

    private static Node replace(Node stored, Node request) {
        String name = stored.kind() == NodeKind.CONTEXT ? request.name() : stored.name();
        String uri = stored.kind() == NodeKind.ARTIFACT ? nullToEmpty(request.uri()) : null;
        return new Node(stored.kind(), stored.id(), stored.typeId(), stored.typeName(), name, request.externalId(),
                uri, request.state(), request.properties(), request.customProperties(), stored.createTime(),
                stored.lastUpdateTime());
    }

    private static Node masked(Node stored, Node request, List<String> maskPaths) {
        String name = stored.name();
        String externalId = stored.externalId();
        String uri = stored.uri();
        Integer state = stored.state();
        Map<String, Value> properties = new HashMap<>(stored.properties());
        Map<String, Value> custom = new HashMap<>(stored.customProperties());
        boolean wholeProperties = maskPaths.contains(PROPERTIES);
        boolean wholeCustom = maskPaths.contains(CUSTOM_PROPERTIES);
        if (wholeProperties) {
            properties = new HashMap<>(request.properties());
        }
        if (wholeCustom) {
            custom = new HashMap<>(request.customProperties());
        }
        for (String path : maskPaths) {
            if (path.startsWith(PROPERTIES + ".") && !wholeProperties) {
                upsertOrDelete(properties, request.properties(), path.substring(PROPERTIES.length() + 1));
            } else if (path.startsWith(CUSTOM_PROPERTIES + ".") && !wholeCustom) {
                upsertOrDelete(custom, request.customProperties(), path.substring(CUSTOM_PROPERTIES.length() + 1));
            } else if (path.equals("external_id")) {
                externalId = request.externalId();
            } else if (path.equals("uri") && stored.kind() == NodeKind.ARTIFACT) {
                uri = nullToEmpty(request.uri());
            } else if (path.equals(stored.kind().stateField())) {
                state = request.state();
            } else if (path.equals("name") && stored.kind() == NodeKind.CONTEXT) {
                name = request.name();
            }
        }
        return new Node(stored.kind(), stored.id(), stored.typeId(), stored.typeName(), name, externalId, uri, state,
                properties, custom, stored.createTime(), stored.lastUpdateTime());
    }

    private static void upsertOrDelete(Map<String, Value> target, Map<String, Value> source, String key) {
        Value value = source.get(key);
        if (value == null) {
            target.remove(key);
        } else {
            target.put(key, value);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

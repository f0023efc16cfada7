package dev.quarkflow.metadata.domain;

import java.util.Map;

import dev.quarkflow.proto.mlmd.Value;

/**
 * An artifact, execution or context, whatever its kind; {@code null} means "not set" (proto2 presence).
 * {@code uri} is used by artifacts only; {@code state} is Artifact.state or Execution.last_known_state.
 */
public record Node(NodeKind kind, Long id, Long typeId, String typeName, String name, String externalId, String uri,
        Integer state, Map<String, Value> properties, Map<String, Value> customProperties, Long createTime,
        Long lastUpdateTime) {

    public Node {
        properties = Map.copyOf(properties);
        customProperties = Map.copyOf(customProperties);
    }

    public Node withId(long newId) {
        return new Node(kind, newId, typeId, typeName, name, externalId, uri, state, properties, customProperties,
                createTime, lastUpdateTime);
    }

    public Node withTypeId(long newTypeId) {
        return new Node(kind, id, newTypeId, typeName, name, externalId, uri, state, properties, customProperties,
                createTime, lastUpdateTime);
    }

    /** The same node without its timestamps and type name: the part a client writes. */
    public Node writable() {
        return new Node(kind, id, typeId, null, name, externalId, uri, state, properties, customProperties, null, null);
    }
}

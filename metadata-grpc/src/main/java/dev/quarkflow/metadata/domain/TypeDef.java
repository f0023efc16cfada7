package dev.quarkflow.metadata.domain;

import java.util.Map;

import dev.quarkflow.proto.mlmd.PropertyType;

/**
 * An artifact, execution or context type; {@code null} means "not set". {@code version} is null or non-empty
 * (an empty version is the same as none). {@code baseType} is the SystemDefinedBaseType number.
 */
public record TypeDef(NodeKind kind, Long id, String name, String version, String description, String externalId,
        Integer baseType, Map<String, PropertyType> properties, byte[] inputType, byte[] outputType) {

    public TypeDef {
        properties = Map.copyOf(properties);
        version = version == null || version.isEmpty() ? null : version;
    }
}

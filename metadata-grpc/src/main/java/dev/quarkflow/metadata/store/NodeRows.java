package dev.quarkflow.metadata.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;

import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.proto.mlmd.Value;

/** Converts between node rows (entity plus property rows) and {@link Node}. */
final class NodeRows {

    private NodeRows() {
    }

    static Class<? extends NodeEntity> entityClass(NodeKind kind) {
        return switch (kind) {
            case ARTIFACT -> ArtifactEntity.class;
            case EXECUTION -> ExecutionEntity.class;
            case CONTEXT -> ContextEntity.class;
        };
    }

    static NodeEntity newEntity(NodeKind kind) {
        return switch (kind) {
            case ARTIFACT -> new ArtifactEntity();
            case EXECUTION -> new ExecutionEntity();
            case CONTEXT -> new ContextEntity();
        };
    }

    static Node toNode(NodeKind kind, NodeEntity entity, String typeName, List<PropertyEntity> propertyRows) {
        Map<String, Value> properties = new HashMap<>();
        Map<String, Value> custom = new HashMap<>();
        for (PropertyEntity row : propertyRows) {
            (row.custom ? custom : properties).put(row.name, toValue(row));
        }
        String uri = entity instanceof ArtifactEntity artifact ? artifact.uri : null;
        Integer state = null;
        if (entity instanceof ArtifactEntity artifact) {
            state = artifact.state;
        } else if (entity instanceof ExecutionEntity execution) {
            state = execution.lastKnownState;
        }
        return new Node(kind, entity.id, entity.typeId, typeName, entity.name, entity.externalId, uri, state,
                properties, custom, entity.createTime, entity.lastUpdateTime);
    }

    /** Copies the writable fields of the node into the entity (not id, type or timestamps). */
    static void copyInto(Node node, NodeEntity entity) {
        entity.name = node.name();
        entity.externalId = node.externalId();
        if (entity instanceof ArtifactEntity artifact) {
            artifact.uri = node.uri() == null ? "" : node.uri();
            artifact.state = node.state();
        } else if (entity instanceof ExecutionEntity execution) {
            execution.lastKnownState = node.state();
        }
    }

    static Value toValue(PropertyEntity row) {
        try {
            return switch (Value.ValueCase.forNumber(row.valueKind)) {
                case INT_VALUE -> Value.newBuilder().setIntValue(row.intValue).build();
                case DOUBLE_VALUE -> Value.newBuilder().setDoubleValue(row.doubleValue).build();
                case STRING_VALUE -> Value.newBuilder().setStringValue(row.stringValue).build();
                case BOOL_VALUE -> Value.newBuilder().setBoolValue(row.boolValue).build();
                case STRUCT_VALUE -> Value.newBuilder().setStructValue(Struct.parseFrom(row.bytesValue)).build();
                case PROTO_VALUE -> Value.newBuilder().setProtoValue(Any.parseFrom(row.bytesValue)).build();
                case VALUE_NOT_SET -> Value.getDefaultInstance();
            };
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored property " + row.name + " of node " + row.nodeId + " is corrupt", e);
        }
    }

    static void setValue(PropertyEntity row, Value value) {
        row.valueKind = value.getValueCase().getNumber();
        row.intValue = value.hasIntValue() ? value.getIntValue() : null;
        row.doubleValue = value.hasDoubleValue() ? value.getDoubleValue() : null;
        row.stringValue = value.hasStringValue() ? value.getStringValue() : null;
        row.boolValue = value.hasBoolValue() ? value.getBoolValue() : null;
        row.bytesValue = value.hasStructValue() ? value.getStructValue().toByteArray()
                : value.hasProtoValue() ? value.getProtoValue().toByteArray() : null;
    }
}

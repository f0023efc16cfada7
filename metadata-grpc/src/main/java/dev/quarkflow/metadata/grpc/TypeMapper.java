package dev.quarkflow.metadata.grpc;

import java.util.Map;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;

import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.metadata.domain.TypeDef;
import dev.quarkflow.proto.mlmd.ArtifactStructType;
import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.ContextType;
import dev.quarkflow.proto.mlmd.ExecutionType;
import dev.quarkflow.proto.mlmd.PropertyType;

/** ArtifactType, ExecutionType and ContextType messages to and from {@link TypeDef}. */
final class TypeMapper {

    private TypeMapper() {
    }

    static TypeDef fromArtifactType(ArtifactType t) {
        return new TypeDef(NodeKind.ARTIFACT, t.hasId() ? t.getId() : null, t.hasName() ? t.getName() : null,
                t.getVersion(), t.hasDescription() ? t.getDescription() : null,
                t.hasExternalId() ? t.getExternalId() : null, t.hasBaseType() ? t.getBaseType().getNumber() : null,
                t.getPropertiesMap(), null, null);
    }

    static TypeDef fromExecutionType(ExecutionType t) {
        return new TypeDef(NodeKind.EXECUTION, t.hasId() ? t.getId() : null, t.hasName() ? t.getName() : null,
                t.getVersion(), t.hasDescription() ? t.getDescription() : null,
                t.hasExternalId() ? t.getExternalId() : null, t.hasBaseType() ? t.getBaseType().getNumber() : null,
                t.getPropertiesMap(), t.hasInputType() ? t.getInputType().toByteArray() : null,
                t.hasOutputType() ? t.getOutputType().toByteArray() : null);
    }

    static TypeDef fromContextType(ContextType t) {
        return new TypeDef(NodeKind.CONTEXT, t.hasId() ? t.getId() : null, t.hasName() ? t.getName() : null,
                t.getVersion(), t.hasDescription() ? t.getDescription() : null,
                t.hasExternalId() ? t.getExternalId() : null, t.hasBaseType() ? t.getBaseType().getNumber() : null,
                t.getPropertiesMap(), null, null);
    }

    static ArtifactType toArtifactType(TypeDef t) {
        ArtifactType.Builder b = ArtifactType.newBuilder().setId(t.id()).setName(t.name())
                .putAllProperties(sorted(t.properties()));
        if (t.version() != null) {
            b.setVersion(t.version());
        }
        if (t.description() != null) {
            b.setDescription(t.description());
        }
        if (t.externalId() != null) {
            b.setExternalId(t.externalId());
        }
        if (t.baseType() != null) {
            b.setBaseType(ArtifactType.SystemDefinedBaseType.forNumber(t.baseType()));
        }
        return b.build();
    }

    static ExecutionType toExecutionType(TypeDef t) {
        ExecutionType.Builder b = ExecutionType.newBuilder().setId(t.id()).setName(t.name())
                .putAllProperties(sorted(t.properties()));
        if (t.version() != null) {
            b.setVersion(t.version());
        }
        if (t.description() != null) {
            b.setDescription(t.description());
        }
        if (t.externalId() != null) {
            b.setExternalId(t.externalId());
        }
        if (t.baseType() != null) {
            b.setBaseType(ExecutionType.SystemDefinedBaseType.forNumber(t.baseType()));
        }
        try {
            if (t.inputType() != null) {
                b.setInputType(ArtifactStructType.parseFrom(t.inputType()));
            }
            if (t.outputType() != null) {
                b.setOutputType(ArtifactStructType.parseFrom(t.outputType()));
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored input/output type of execution type " + t.id() + " is corrupt", e);
        }
        return b.build();
    }

    static ContextType toContextType(TypeDef t) {
        ContextType.Builder b = ContextType.newBuilder().setId(t.id()).setName(t.name())
                .putAllProperties(sorted(t.properties()));
        if (t.version() != null) {
            b.setVersion(t.version());
        }
        if (t.description() != null) {
            b.setDescription(t.description());
        }
        if (t.externalId() != null) {
            b.setExternalId(t.externalId());
        }
        return b.build();
    }

    private static Map<String, PropertyType> sorted(Map<String, PropertyType> properties) {
        return properties.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (a, b) -> a, java.util.TreeMap::new));
    }
}

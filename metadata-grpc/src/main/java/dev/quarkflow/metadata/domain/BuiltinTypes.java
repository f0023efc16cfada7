package dev.quarkflow.metadata.domain;

import java.util.List;

import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.ExecutionType;
import dev.quarkflow.proto.mlmd.MetadataStoreProto;

/**
 * The simple system types every store has (mlmd.Dataset, mlmd.Train, ...), named by the
 * {@code system_type_extension} annotation on each SystemDefinedBaseType value of the proto.
 */
public final class BuiltinTypes {

    private BuiltinTypes() {
    }

    public static List<String> names(NodeKind kind) {
        var values = switch (kind) {
            case ARTIFACT -> ArtifactType.SystemDefinedBaseType.getDescriptor().getValues();
            case EXECUTION -> ExecutionType.SystemDefinedBaseType.getDescriptor().getValues();
            case CONTEXT -> List.<com.google.protobuf.Descriptors.EnumValueDescriptor> of();
        };
        return values.stream().filter(value -> value.getNumber() != 0)
                .map(value -> value.getOptions().getExtension(MetadataStoreProto.systemTypeExtension).getTypeName())
                .toList();
    }

    public static boolean isBuiltin(NodeKind kind, String name, String version) {
        return version == null && names(kind).contains(name);
    }
}

package dev.quarkflow.pipelineengine.domain;

import java.util.Map;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.PipelineDeploymentConfig.ImporterSpec;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/** Resolves a {@code dsl.importer} task into the artifact it brings in (output key {@code artifact}). */
final class Importers {

    static final String OUTPUT_KEY = "artifact";

    private Importers() {
    }

    /** Throws {@link IllegalArgumentException} when the URI has no value. */
    static RuntimeArtifact artifact(ImporterSpec importer, Map<String, Value> inputs, SystemPlaceholders system) {
        String uri;
        if (importer.getArtifactUri().hasConstant()) {
            uri = Values.text(importer.getArtifactUri().getConstant());
        } else if (!importer.getArtifactUri().getRuntimeParameter().isEmpty()) {
            Value value = inputs.get(importer.getArtifactUri().getRuntimeParameter());
            if (value == null) {
                throw new IllegalArgumentException("artifact URI input '"
                        + importer.getArtifactUri().getRuntimeParameter() + "' has no value");
            }
            uri = Values.text(value);
        } else {
            throw new IllegalArgumentException("no artifactUri");
        }
        return RuntimeArtifact.newBuilder()
                .setName(OUTPUT_KEY)
                .setType(importer.getTypeSchema())
                .setUri(system.substitute(uri))
                .setMetadata(substitute(importer.getMetadata(), inputs, system))
                .build();
    }

    /** Metadata keys and string values may hold input placeholders (dynamic importer metadata). */
    private static Struct substitute(Struct metadata, Map<String, Value> inputs, SystemPlaceholders system) {
        Struct.Builder out = Struct.newBuilder();
        metadata.getFieldsMap().forEach((key, value) -> out.putFields(text(key, inputs, system),
                substitute(value, inputs, system)));
        return out.build();
    }

    private static Value substitute(Value value, Map<String, Value> inputs, SystemPlaceholders system) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> {
                String text = value.getStringValue();
                var whole = Placeholders.INPUT_PARAMETER.matcher(text);
                // A value that is exactly one placeholder keeps the input's type (number, list...).
                if (whole.matches() && inputs.containsKey(whole.group(1))) {
                    yield inputs.get(whole.group(1));
                }
                yield Values.of(text(text, inputs, system));
            }
            case STRUCT_VALUE -> Value.newBuilder()
                    .setStructValue(substitute(value.getStructValue(), inputs, system)).build();
            case LIST_VALUE -> {
                ListValue.Builder list = ListValue.newBuilder();
                value.getListValue().getValuesList().forEach(v -> list.addValues(substitute(v, inputs, system)));
                yield Value.newBuilder().setListValue(list).build();
            }
            default -> value;
        };
    }

    private static String text(String text, Map<String, Value> inputs, SystemPlaceholders system) {
        return SystemPlaceholders.substituteInputs(system.substitute(text), inputs);
    }
}

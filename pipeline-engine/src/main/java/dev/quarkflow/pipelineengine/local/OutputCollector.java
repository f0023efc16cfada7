package dev.quarkflow.pipelineengine.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.pipelineengine.domain.ExecutorInputs;
import dev.quarkflow.pipelineengine.domain.ExecutorResult;
import dev.quarkflow.pipelineengine.domain.Values;
import dev.quarkflow.proto.pipelinespec.ArtifactList;
import dev.quarkflow.proto.pipelinespec.ComponentOutputsSpec;
import dev.quarkflow.proto.pipelinespec.ExecutorInput;
import dev.quarkflow.proto.pipelinespec.ExecutorOutput;
import dev.quarkflow.proto.pipelinespec.ParameterType.ParameterTypeEnum;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Reads what a successful executor produced, as upstream's launcher does (facts §8): the executor output file
 * first (its values win), then one file per remaining declared output parameter (a missing file fails the
 * task), then the declared output artifacts with the URI and metadata the executor output reports.
 */
final class OutputCollector {

    private OutputCollector() {
    }

    static ExecutorResult collect(ExecutorInput input, ComponentOutputsSpec declared) {
        ExecutorOutput output;
        try {
            output = readExecutorOutput(Path.of(input.getOutputs().getOutputFile()));
        } catch (IOException | IllegalArgumentException e) {
            return ExecutorResult.failed("cannot read the executor output " + input.getOutputs().getOutputFile()
                    + ": " + e.getMessage());
        }
        Map<String, Value> parameters = new LinkedHashMap<>();
        for (var entry : declared.getParametersMap().entrySet()) {
            String name = entry.getKey();
            Value reported = output.getParameterValuesMap().get(name);
            if (reported == null && output.getParametersMap().containsKey(name)) {
                var legacy = output.getParametersMap().get(name);
                reported = legacy.hasStringValue() ? Values.of(legacy.getStringValue())
                        : legacy.hasIntValue() ? Values.of(legacy.getIntValue()) : Values.of(legacy.getDoubleValue());
            }
            if (reported != null) {
                parameters.put(name, reported);
                continue;
            }
            Path file = Path.of(input.getOutputs().getParametersMap().get(name).getOutputFile());
            if (!Files.isRegularFile(file)) {
                return ExecutorResult.failed("output parameter '" + name + "' was not written (expected " + file + ")");
            }
            try {
                parameters.put(name, parse(Files.readString(file, StandardCharsets.UTF_8),
                        entry.getValue().getParameterType()));
            } catch (IOException | IllegalArgumentException e) {
                return ExecutorResult.failed("output parameter '" + name + "': " + e.getMessage());
            }
        }
        Map<String, List<RuntimeArtifact>> artifacts = new LinkedHashMap<>();
        ExecutorInputs.declaredOutputArtifacts(input).forEach((name, declaredList) -> {
            ArtifactList reported = output.getArtifactsMap().get(name);
            if (reported == null || reported.getArtifactsCount() == 0) {
                artifacts.put(name, declaredList);
            } else {
                RuntimeArtifact template = declaredList.get(0);
                artifacts.put(name, reported.getArtifactsList().stream().map(r -> merge(template, r)).toList());
            }
        });
        return ExecutorResult.succeeded(parameters, artifacts);
    }

    private static RuntimeArtifact merge(RuntimeArtifact declared, RuntimeArtifact reported) {
        RuntimeArtifact.Builder merged = declared.toBuilder();
        if (!reported.getUri().isEmpty()) {
            merged.setUri(reported.getUri());
        }
        Struct.Builder metadata = declared.getMetadata().toBuilder();
        metadata.putAllFields(reported.getMetadata().getFieldsMap());
        merged.setMetadata(metadata);
        if (reported.hasCustomPath()) {
            merged.setCustomPath(reported.getCustomPath());
        }
        return merged.build();
    }

    private static ExecutorOutput readExecutorOutput(Path file) throws IOException {
        ExecutorOutput.Builder builder = ExecutorOutput.newBuilder();
        if (Files.isRegularFile(file)) {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            if (!json.isBlank()) {
                JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
            }
        }
        return builder.build();
    }

    /** An output parameter file's text as a Value of the declared type. */
    static Value parse(String text, ParameterTypeEnum type) {
        switch (type) {
            case NUMBER_INTEGER:
            case NUMBER_DOUBLE:
                try {
                    return Values.of(Double.parseDouble(text.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: '" + text.strip() + "'");
                }
            case BOOLEAN: {
                String trimmed = text.strip();
                if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("not a boolean: '" + trimmed + "'");
                }
                return Values.of(Boolean.parseBoolean(trimmed));
            }
            case LIST:
            case STRUCT: {
                Value value = Values.parseValue(text);
                boolean ok = type == ParameterTypeEnum.LIST ? value.hasListValue() : value.hasStructValue();
                if (!ok) {
                    throw new IllegalArgumentException("not a JSON " + type.name().toLowerCase() + ": " + text.strip());
                }
                return value;
            }
            default:
                return Values.of(text);
        }
    }
}

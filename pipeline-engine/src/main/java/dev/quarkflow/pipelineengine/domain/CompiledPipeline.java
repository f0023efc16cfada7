package dev.quarkflow.pipelineengine.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.pipelinespec.PipelineDeploymentConfig.ExecutorSpec;
import dev.quarkflow.proto.pipelinespec.PipelineSpec;
import dev.quarkflow.proto.pipelinespec.PlatformSpec;

/**
 * A compiled KFP pipeline: the IR ({@code PipelineSpec}) and its optional Kubernetes {@code PlatformSpec}, as the
 * SDK writes them into one YAML (or JSON) file.
 *
 * <pre>{@code
 * CompiledPipeline pipeline = CompiledPipeline.parse(Files.readString(Path.of("hello_world.yaml")));
 * }</pre>
 */
public record CompiledPipeline(PipelineSpec spec, PlatformSpec platform) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    public CompiledPipeline {
        platform = platform == null ? PlatformSpec.getDefaultInstance() : platform;
    }

    public static CompiledPipeline of(PipelineSpec spec) {
        return new CompiledPipeline(spec, PlatformSpec.getDefaultInstance());
    }

    /** Parses the YAML or JSON text of a compiled pipeline (one or two documents). */
    public static CompiledPipeline parse(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && document.isObject()) {
                    documents.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw QuarkflowException.invalidArgument("pipeline_spec", "not valid YAML/JSON: " + e.getMessage());
        }
        PipelineSpec spec = null;
        PlatformSpec platform = PlatformSpec.getDefaultInstance();
        for (JsonNode document : documents) {
            if (document.has("pipelineInfo") || document.has("root")) {
                PipelineSpec.Builder builder = PipelineSpec.newBuilder();
                merge(document, builder, "pipeline_spec");
                spec = builder.build();
            } else if (document.has("platforms")) {
                PlatformSpec.Builder builder = PlatformSpec.newBuilder();
                merge(document, builder, "platform_spec");
                platform = builder.build();
            }
        }
        if (spec == null) {
            throw QuarkflowException.invalidArgument("pipeline_spec", "no pipeline spec document (pipelineInfo and root)");
        }
        return new CompiledPipeline(spec, platform);
    }

    private static void merge(JsonNode document, com.google.protobuf.Message.Builder builder, String field) {
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(JSON.writeValueAsString(document), builder);
        } catch (IOException e) {
            throw QuarkflowException.invalidArgument(field, e.getMessage());
        }
    }

    public String pipelineName() {
        return spec.getPipelineInfo().getName();
    }

    /** The executor an executor label names, from {@code deploymentSpec.executors}. */
    public Optional<ExecutorSpec> executor(String label) {
        Struct executors = spec.getDeploymentSpec().getFieldsOrDefault("executors",
                com.google.protobuf.Value.getDefaultInstance()).getStructValue();
        com.google.protobuf.Value value = executors.getFieldsMap().get(label);
        if (value == null) {
            return Optional.empty();
        }
        ExecutorSpec.Builder builder = ExecutorSpec.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(Values.json(value), builder);
        } catch (InvalidProtocolBufferException e) {
            throw QuarkflowException.invalidArgument("deploymentSpec.executors." + label, e.getMessage());
        }
        return Optional.of(builder.build());
    }

    /** The Kubernetes executor config for an executor label (empty when none). */
    public Struct kubernetesConfig(String executorLabel) {
        var kubernetes = platform.getPlatformsMap().get("kubernetes");
        if (kubernetes == null) {
            return Struct.getDefaultInstance();
        }
        return kubernetes.getDeploymentSpec().getExecutorsOrDefault(executorLabel, Struct.getDefaultInstance());
    }

    /** {@code pipelineConfig.activeDeadlineSeconds} of the Kubernetes platform spec, 0 when unset. */
    public int activeDeadlineSeconds() {
        var kubernetes = platform.getPlatformsMap().get("kubernetes");
        return kubernetes == null ? 0 : kubernetes.getPipelineConfig().getActiveDeadlineSeconds();
    }
}

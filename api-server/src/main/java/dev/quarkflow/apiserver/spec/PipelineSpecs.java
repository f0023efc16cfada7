package dev.quarkflow.apiserver.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.pipelinespec.PipelineSpec;
import dev.quarkflow.proto.pipelinespec.PlatformSpec;

/**
 * Reads compiled pipelines the way upstream's template package does: every YAML document is parsed strictly as
 * {@code ml_pipelines.PipelineSpec} by the protobuf JSON parser; the one that parses, names itself and has a root
 * is the pipeline; a document with {@code platforms.kubernetes} is the platform spec; others are ignored. Then
 * {@link PipelineSpecValidator} checks that the graph is well formed.
 */
public final class PipelineSpecs {

    /** The only IR schema version upstream accepts. */
    public static final String SCHEMA_VERSION = "2.1.0";
    private static final Pattern PIPELINE_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(largeDocuments()).build());
    private static final JsonFormat.Parser STRICT = JsonFormat.parser();
    private static final JsonFormat.Printer STORED = JsonFormat.printer().omittingInsignificantWhitespace();

    private PipelineSpecs() {
    }

    /** Parses and validates YAML or JSON text (one or more documents); every problem is a 400 naming its path. */
    public static PipelineDocument read(String text) {
        List<JsonNode> documents = documents(text);
        List<PipelineSpec> specs = new ArrayList<>();
        List<PlatformSpec> platforms = new ArrayList<>();
        String firstProblem = null;
        for (JsonNode document : documents) {
            String json = document.toString();
            try {
                PipelineSpec.Builder spec = PipelineSpec.newBuilder();
                STRICT.merge(json, spec);
                if (!spec.getPipelineInfo().getName().isEmpty() && spec.hasRoot()) {
                    specs.add(spec.build());
                    continue;
                }
                if (firstProblem == null) {
                    firstProblem = spec.getPipelineInfo().getName().isEmpty() ? "pipelineInfo.name: is required"
                            : "root: is required";
                }
            } catch (InvalidProtocolBufferException e) {
                if (document.path("platforms").has("kubernetes")) {
                    platforms.add(parsePlatform(json));
                    continue;
                }
                if (firstProblem == null) {
                    firstProblem = e.getMessage();
                }
            }
        }
        if (specs.isEmpty()) {
            throw QuarkflowException.invalidArgument(null,
                    "unknown template format" + (firstProblem == null ? "" : ": " + firstProblem));
        }
        if (specs.size() > 1) {
            throw QuarkflowException.invalidArgument(null, "multiple pipeline specs provided");
        }
        if (platforms.size() > 1) {
            throw QuarkflowException.invalidArgument(null, "multiple platform specs provided");
        }
        PipelineSpec spec = specs.get(0);
        validateHeader(spec);
        List<FieldError> errors = PipelineSpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problem(s))" : "";
            throw QuarkflowException.invalidArgument(first.path(), first.message() + more);
        }
        return new PipelineDocument(spec, print(spec), platforms.stream().findFirst().map(PipelineSpecs::print));
    }

    /**
     * Reads the {@code pipeline_spec} Struct of a run or recurring run: either the plain IR or
     * {@code {pipeline_spec, platform_spec}}.
     */
    public static PipelineDocument fromStruct(Struct struct, String field) {
        try {
            Struct spec = struct;
            Optional<Struct> platform = Optional.empty();
            if (struct.containsFields("pipeline_spec") && !struct.containsFields("root")) {
                spec = struct.getFieldsOrThrow("pipeline_spec").getStructValue();
                if (struct.containsFields("platform_spec")) {
                    platform = Optional.of(struct.getFieldsOrThrow("platform_spec").getStructValue());
                }
            }
            StringBuilder yaml = new StringBuilder(JsonFormat.printer().print(spec));
            if (platform.isPresent()) {
                yaml.append("\n---\n").append(JsonFormat.printer().print(platform.get()));
            }
            return read(yaml.toString());
        } catch (InvalidProtocolBufferException e) {
            throw QuarkflowException.invalidArgument(field, "cannot read the pipeline spec: " + e.getMessage());
        } catch (QuarkflowException e) {
            String path = e.field().map(f -> field + "." + f).orElse(field);
            throw QuarkflowException.invalidArgument(path, e.problem());
        }
    }

    /** The API's {@code pipeline_spec} value for a stored spec. */
    public static Struct apiStruct(String specJson, Optional<String> platformSpecJson) {
        Struct spec = struct(specJson);
        if (platformSpecJson.isEmpty()) {
            return spec;
        }
        return Struct.newBuilder()
                .putFields("pipeline_spec", Value.newBuilder().setStructValue(spec).build())
                .putFields("platform_spec", Value.newBuilder().setStructValue(struct(platformSpecJson.get())).build())
                .build();
    }

    /** Reads a stored spec back into the IR message. */
    public static PipelineSpec parseStored(String specJson) {
        try {
            PipelineSpec.Builder spec = PipelineSpec.newBuilder();
            STRICT.merge(specJson, spec);
            return spec.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored pipeline spec does not parse", e);
        }
    }

    public static Struct struct(String json) {
        try {
            Struct.Builder struct = Struct.newBuilder();
            JsonFormat.parser().merge(json, struct);
            return struct.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored JSON is not an object", e);
        }
    }

    private static void validateHeader(PipelineSpec spec) {
        if (!SCHEMA_VERSION.equals(spec.getSchemaVersion())) {
            throw QuarkflowException.invalidArgument("schemaVersion",
                    "must be " + SCHEMA_VERSION + ", got \"" + spec.getSchemaVersion() + "\"");
        }
        if (!PIPELINE_NAME.matcher(spec.getPipelineInfo().getName()).matches()) {
            throw QuarkflowException.invalidArgument("pipelineInfo.name",
                    "pipeline's name must contain only lowercase alphanumeric characters or '-' and must start"
                            + " with alphanumeric characters");
        }
    }

    private static PlatformSpec parsePlatform(String json) {
        try {
            PlatformSpec.Builder platform = PlatformSpec.newBuilder();
            STRICT.merge(json, platform);
            return platform.build();
        } catch (InvalidProtocolBufferException e) {
            throw QuarkflowException.invalidArgument("platform_spec", e.getMessage());
        }
    }

    private static List<JsonNode> documents(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                if (document != null && document.isObject()) {
                    documents.add(document);
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw QuarkflowException.invalidArgument(null,
                            "unknown template format: a document is not a mapping");
                }
            }
        } catch (JsonProcessingException e) {
            throw QuarkflowException.invalidArgument(null,
                    "failed to parse pipeline spec YAML: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw QuarkflowException.invalidArgument(null, "failed to parse pipeline spec YAML: " + e.getMessage());
        }
        return documents;
    }

    private static String print(Message message) {
        try {
            return STORED.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LoaderOptions largeDocuments() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }
}

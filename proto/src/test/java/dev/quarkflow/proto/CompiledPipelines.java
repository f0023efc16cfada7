package dev.quarkflow.proto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.common.testing.SharedFixtures;

/** Reads the SDK-compiled pipelines of the shared corpus: YAML documents into protobuf via the JSON parser. */
final class CompiledPipelines {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Unknown fields are errors, as upstream's protojson reads them. */
    private static final JsonFormat.Parser STRICT = JsonFormat.parser();

    private CompiledPipelines() {
    }

    static Path corpus() {
        return SharedFixtures.conformance("kfp");
    }

    static List<Path> all() {
        return SharedFixtures.conformanceFiles("kfp", ".yaml", ".json");
    }

    /** The YAML (or JSON) documents of a file: the pipeline spec first, then an optional platform spec. */
    static List<JsonNode> documents(Path file) throws IOException {
        return YAML.readerFor(JsonNode.class).<JsonNode> readValues(file.toFile()).readAll();
    }

    @SuppressWarnings("unchecked")
    static <T extends Message> T parse(JsonNode document, Message.Builder builder) throws IOException {
        STRICT.merge(JSON.writeValueAsString(document), builder);
        return (T) builder.build();
    }

    @SuppressWarnings("unchecked")
    static <T extends Message> T jsonRoundTrip(T message) throws IOException {
        Message.Builder builder = message.newBuilderForType();
        STRICT.merge(JsonFormat.printer().print(message), builder);
        return (T) builder.build();
    }

    static String json(Message message) throws IOException {
        return JsonFormat.printer().print(message);
    }

    static void merge(String json, Message.Builder builder) throws IOException {
        STRICT.merge(json, builder);
    }
}

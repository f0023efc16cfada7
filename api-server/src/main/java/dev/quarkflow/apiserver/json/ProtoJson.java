package dev.quarkflow.apiserver.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.common.error.QuarkflowException;

/**
 * Proto JSON as upstream's grpc-gateway speaks it: proto field names on output, zero values omitted, enums as
 * names, int64 as strings, and numbers printed like Go's protojson ({@code 1}, not Java's {@code 1.0}); input
 * accepts proto or lowerCamel names and rejects unknown fields.
 */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Doubles below 2^53 in magnitude are exact integers when integral. */
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992d;

    private ProtoJson() {
    }

    public static String print(Message message) {
        try {
            String json = PRINTER.print(message);
            return json.contains(".0") ? MAPPER.writeValueAsString(integralNumbers(MAPPER.readTree(json))) : json;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges {@code json} into {@code builder}; a malformed body or an unknown field is a 400. */
    public static <B extends Message.Builder> B parse(String json, B builder) {
        if (json == null || json.isBlank()) {
            return builder;
        }
        try {
            PARSER.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw QuarkflowException.invalidArgument(null, "invalid JSON body: " + e.getMessage());
        }
    }

    /** Rewrites integral doubles ({@code 1.0}) as integers, as Go prints float64 values. */
    static JsonNode integralNumbers(JsonNode node) {
        if (node.isDouble() || node.isFloat() || node.isBigDecimal()) {
            double value = node.doubleValue();
            if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
                return JsonNodeFactory.instance.numberNode((long) value);
            }
            return node;
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(integralNumbers(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, integralNumbers(array.get(i)));
            }
        }
        return node;
    }
}

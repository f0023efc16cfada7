package dev.quarkflow.pipelineengine.domain;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

/**
 * Conversions between {@code google.protobuf.Value} (how the IR carries parameters), plain Java values (what
 * {@link CelExpression} computes with) and JSON text.
 */
public final class Values {

    private static final JsonFormat.Printer COMPACT = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private Values() {
    }

    public static Value of(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    public static Value of(double number) {
        return Value.newBuilder().setNumberValue(number).build();
    }

    public static Value of(boolean bool) {
        return Value.newBuilder().setBoolValue(bool).build();
    }

    public static Value nullValue() {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }

    public static Value list(List<Value> items) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(items)).build();
    }

    public static Value struct(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }

    /** Parses JSON text into a Value; throws {@link IllegalArgumentException} on malformed JSON. */
    public static Value parseValue(String json) {
        Value.Builder builder = Value.newBuilder();
        try {
            JsonFormat.parser().merge(json, builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + abbreviate(json), e);
        }
        return builder.build();
    }

    /** Parses JSON text into a plain Java value (CEL's {@code parseJson}). */
    public static Object parseJson(String json) {
        try {
            return toJava(parseValue(json));
        } catch (IllegalArgumentException e) {
            throw new CelExpression.CelException("parseJson: " + e.getMessage());
        }
    }

    /**
     * Compact JSON text of a message (or Value) as Go's protojson prints it, which upstream's backend uses:
     * integral doubles without a fraction ({@code 1}, not Java's {@code 1.0}), so Python sees ints.
     */
    public static String json(com.google.protobuf.MessageOrBuilder message) {
        try {
            JsonNode tree = JACKSON.readTree(COMPACT.print(message));
            return JACKSON.writeValueAsString(integralNumbers(tree));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode integralNumbers(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? LongNode.valueOf((long) d) : node;
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(integralNumbers(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, integralNumbers(array.get(i)));
            }
        }
        return node;
    }

    /**
     * A parameter as command-line text: strings raw, integral numbers without a fraction (upstream's backend
     * formats doubles with Go's {@code FormatFloat 'f' -1}), everything else as compact JSON.
     */
    public static String text(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case NULL_VALUE, KIND_NOT_SET -> "null";
            default -> json(value);
        };
    }

    static String number(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return Double.toString(number);
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** A Value as a plain Java value; numbers become {@link Double}, as CEL sees protobuf numbers. */
    public static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case NUMBER_VALUE -> value.getNumberValue();
            case BOOL_VALUE -> value.getBoolValue();
            case LIST_VALUE -> {
                List<Object> items = new ArrayList<>();
                value.getListValue().getValuesList().forEach(item -> items.add(toJava(item)));
                yield items;
            }
            case STRUCT_VALUE -> toJava(value.getStructValue());
            default -> null;
        };
    }

    public static Map<String, Object> toJava(Struct struct) {
        Map<String, Object> fields = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> fields.put(k, toJava(v)));
        return fields;
    }

    /** A plain Java value (as {@link CelExpression} returns it) back into a Value. */
    public static Value fromJava(Object value) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof String s) {
            return of(s);
        }
        if (value instanceof Boolean b) {
            return of(b);
        }
        if (value instanceof Number n) {
            return of(n.doubleValue());
        }
        if (value instanceof List<?> list) {
            List<Value> items = new ArrayList<>();
            list.forEach(item -> items.add(fromJava(item)));
            return list(items);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Value> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), fromJava(v)));
            return struct(fields);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }

    public static String toJsonText(Object value) {
        return json(fromJava(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = value instanceof Long ? "int"
                : value instanceof Double ? "double"
                        : value instanceof String ? "string"
                                : value instanceof Boolean ? "bool"
                                        : value instanceof List ? "list" : value instanceof Map ? "map" : "value";
        return type + "(" + abbreviate(String.valueOf(value)) + ")";
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}

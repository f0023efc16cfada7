package dev.quarkflow.katib.controller.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The part of the GJSON path syntax that Katib trial success/failure conditions use: dotted keys (with {@code \.}
 * escapes), array indexes, {@code #} (length), queries {@code #(key==value)} (first match) and {@code #(...)#} (all
 * matches) with {@code == != < <= > >=} and {@code %} (glob), the pipe {@code |}, and the {@code [@this]} multipath
 * and {@code @this} modifier. Anything else yields a missing result, never an exception.
 */
public final class Gjson {

    private static final Pattern QUERY = Pattern.compile("#\\((.*?)(==|!=|<=|>=|<|>|%|!%)(.*)\\)(#?)");

    private Gjson() {
    }

    public static JsonNode get(JsonNode document, String path) {
        return walk(document, split(path), 0, false);
    }

    /**
     * Applies components from {@code index} on; after an all-matches query a {@code .}-joined rest maps over the
     * matches (GJSON's rule) while a {@code |}-joined rest applies to the array as a whole.
     */
    private static JsonNode walk(JsonNode current, List<String> components, int index, boolean mapping) {
        for (int i = index; i < components.size(); i++) {
            if (current == null || current.isMissingNode()) {
                return MissingNode.getInstance();
            }
            String component = components.get(i);
            if (component.equals("|")) {
                continue;
            }
            if (component.equals(".")) {
                if (mapping && current.isArray()) {
                    ArrayNode mapped = JsonNodeFactory.instance.arrayNode();
                    for (JsonNode element : current) {
                        JsonNode value = walk(element, components, i + 1, false);
                        if (!value.isMissingNode()) {
                            mapped.add(value);
                        }
                    }
                    return mapped;
                }
                continue;
            }
            current = step(current, component);
            mapping = QUERY.matcher(component).matches() && component.endsWith(")#");
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** GJSON's "exists and is an object or a non-empty array", which Katib takes as "condition met". */
    public static boolean matches(JsonNode document, String path) {
        JsonNode result = get(document, path);
        return result.isObject() || (result.isArray() && !result.isEmpty());
    }

    private static JsonNode step(JsonNode current, String component) {
        if (component.equals("@this")) {
            return current;
        }
        if (component.startsWith("[") && component.endsWith("]")) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (String inner : component.substring(1, component.length() - 1).split(",")) {
                JsonNode value = get(current, inner.trim());
                if (!value.isMissingNode()) {
                    array.add(value);
                }
            }
            return array;
        }
        if (component.equals("#")) {
            return current.isArray() ? JsonNodeFactory.instance.numberNode(current.size()) : MissingNode.getInstance();
        }
        Matcher query = QUERY.matcher(component);
        if (query.matches()) {
            return query(current, query.group(1).trim(), query.group(2), query.group(3).trim(),
                    !query.group(4).isEmpty());
        }
        if (current.isArray()) {
            try {
                return current.path(Integer.parseInt(component));
            } catch (NumberFormatException e) {
                return MissingNode.getInstance();
            }
        }
        return current.path(component.replace("\\.", "."));
    }

    private static JsonNode query(JsonNode current, String key, String operator, String literal, boolean all) {
        if (!current.isArray()) {
            return MissingNode.getInstance();
        }
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode element : current) {
            JsonNode value = key.isEmpty() ? element : get(element, key);
            if (!value.isMissingNode() && compare(value, operator, literal)) {
                if (!all) {
                    return element;
                }
                found.add(element);
            }
        }
        if (!all) {
            return MissingNode.getInstance();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        found.forEach(array::add);
        return array;
    }

    private static boolean compare(JsonNode value, String operator, String literal) {
        boolean quoted = literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"");
        if (quoted || !isNumber(literal)) {
            String expected = quoted ? literal.substring(1, literal.length() - 1) : literal;
            if (!quoted && (expected.equals("true") || expected.equals("false"))) {
                return compareStrings(value.asText(), operator, expected);
            }
            if (!value.isTextual()) {
                return false;
            }
            return compareStrings(value.asText(), operator, expected);
        }
        if (!value.isNumber()) {
            return false;
        }
        return ordered(Double.compare(value.asDouble(), Double.parseDouble(literal)), operator);
    }

    private static boolean ordered(int order, String operator) {
        return switch (operator) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> false;
        };
    }

    private static boolean compareStrings(String actual, String operator, String expected) {
        return switch (operator) {
            case "%" -> globMatches(actual, expected);
            case "!%" -> !globMatches(actual, expected);
            default -> ordered(actual.compareTo(expected), operator);
        };
    }

    private static boolean globMatches(String actual, String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return actual.matches(regex.toString());
    }

    private static boolean isNumber(String literal) {
        try {
            Double.parseDouble(literal);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Splits on unescaped dots and pipes, keeping query parentheses and multipath brackets whole; each separator is
     * kept as its own element.
     */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length()) {
                current.append(c).append(path.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == '(' || c == '[')) {
                depth++;
            } else if (!inString && (c == ')' || c == ']')) {
                depth--;
            } else if (!inString && depth == 0 && (c == '.' || c == '|')) {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                }
                parts.add(String.valueOf(c));
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}

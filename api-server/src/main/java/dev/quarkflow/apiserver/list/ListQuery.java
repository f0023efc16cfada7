package dev.quarkflow.apiserver.list;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.Filter;
import dev.quarkflow.proto.kfp.v2beta1.Predicate;

/**
 * Turns list parameters into parameterised HQL with upstream's rules: page size 20 by default and at most 200,
 * sort {@code "field [asc|desc]"} (default {@code created_at} ascending, ties by id in the same direction), AND-ed
 * filter predicates, and keyset paging from a {@link PageToken}. Pure: {@link #plan} builds the statements, the
 * caller runs them.
 */
public final class ListQuery {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    private ListQuery() {
    }

    /**
     * The statements of one list request.
     *
     * @param select selects {@code e} and its sort value, ordered, to be limited to {@code pageSize + 1} rows
     * @param count counts every row in scope that matches the filter
     */
    public record Plan(String select, Map<String, Object> selectParams, String count, Map<String, Object> countParams,
            int pageSize, String sortBy, String filter, ResourceModel.Column sortColumn) {
    }

    /**
     * @param scope an HQL condition on alias {@code e} that every row must meet (namespace, parent), or ""
     * @param scopeParams its named parameters
     */
    public static Plan plan(ResourceModel model, ListParams params, String scope, Map<String, Object> scopeParams) {
        if (params.pageSize() < 0) {
            throw QuarkflowException.invalidArgument("page_size", "must not be negative");
        }
        int pageSize = params.pageSize() == 0 ? DEFAULT_PAGE_SIZE : Math.min(params.pageSize(), MAX_PAGE_SIZE);
        PageToken token = params.pageToken().isEmpty() ? null : PageToken.decode(params.pageToken());
        String sortBy = params.sortBy().isEmpty() && token != null ? token.sortBy() : normaliseSort(params.sortBy());
        Filter filter = params.filter().isEmpty() && token != null ? parseFilter(token.filter(), false)
                : parseFilter(params.filter(), true);
        String filterJson = canonical(filter);
        if (token != null && (!token.sortBy().equals(sortBy) || !token.filter().equals(filterJson))) {
            throw QuarkflowException.invalidArgument("page_token", "page token does not match the supplied sort by"
                    + " and/or filtering criteria. Either specify the same criteria or leave the latter empty if"
                    + " page token is specified");
        }
        String[] sortParts = sortBy.split(" ");
        ResourceModel.Column sortColumn = model.column(sortParts[0])
                .orElseThrow(() -> QuarkflowException.invalidArgument("sort_by", "Invalid sorting field: \""
                        + sortParts[0] + "\""));
        boolean desc = sortParts[1].equals("desc");

        List<String> conditions = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>(scopeParams);
        if (!scope.isBlank()) {
            conditions.add("(" + scope + ")");
        }
        List<Predicate> predicates = filter.getPredicatesList();
        for (int i = 0; i < predicates.size(); i++) {
            conditions.add(predicate(model, predicates.get(i), "f" + i, bound));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        String count = "select count(e) from " + model.entity() + " e" + where;
        Map<String, Object> countParams = new LinkedHashMap<>(bound);

        Map<String, Object> selectParams = new LinkedHashMap<>(bound);
        String keyset = "";
        if (token != null) {
            String cmp = desc ? "<" : ">";
            String col = "e." + sortColumn.attribute();
            keyset = (conditions.isEmpty() ? " where " : " and ") + "(" + col + " " + cmp + " :tokenValue or (" + col
                    + " = :tokenValue and e.id " + cmp + "= :tokenKey))";
            selectParams.put("tokenValue", tokenValue(sortColumn, token.sortValue()));
            selectParams.put("tokenKey", token.key());
        }
        String direction = desc ? " desc" : " asc";
        String select = "select e, e." + sortColumn.attribute() + " from " + model.entity() + " e" + where + keyset
                + " order by e." + sortColumn.attribute() + direction + ", e.id" + direction;
        return new Plan(select, selectParams, count, countParams, pageSize, sortBy, filterJson, sortColumn);
    }

    /** The token that starts the next page at {@code row} (the first row not returned). */
    public static String nextToken(Plan plan, Object sortValue, String key) {
        Value value = sortValue instanceof Number number ? Value.newBuilder().setNumberValue(number.doubleValue()).build()
                : Value.newBuilder().setStringValue(sortValue == null ? "" : sortValue.toString()).build();
        return new PageToken(plan.sortBy(), plan.filter(), value, key).encode();
    }

    static String normaliseSort(String sortBy) {
        if (sortBy.isEmpty()) {
            return ResourceModel.DEFAULT_SORT + " asc";
        }
        String[] parts = sortBy.toLowerCase(Locale.ROOT).trim().split("\\s+");
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
            throw QuarkflowException.invalidArgument("sort_by", "Invalid sorting format: \"" + sortBy
                    + "\"; expected \"field\", \"field asc\" or \"field desc\"");
        }
        return parts[0] + " " + (parts.length == 2 ? parts[1] : "asc");
    }

    static Filter parseFilter(String text, boolean urlEncoded) {
        if (text.isEmpty()) {
            return Filter.getDefaultInstance();
        }
        try {
            // upstream decodes the filter once more after the gateway did, so '+' reads as a space
            String json = urlEncoded ? URLDecoder.decode(text, StandardCharsets.UTF_8) : text;
            Filter.Builder filter = Filter.newBuilder();
            JsonFormat.parser().merge(json, filter);
            return filter.build();
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            throw QuarkflowException.invalidArgument("filter", "failed to parse valid filter from \"" + text + "\": "
                    + e.getMessage());
        }
    }

    private static String canonical(Filter filter) {
        if (filter.getPredicatesCount() == 0) {
            return "";
        }
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(filter);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String predicate(ResourceModel model, Predicate predicate, String name, Map<String, Object> bound) {
        String key = predicate.getKey();
        String field = "filter.predicates." + name.substring(1);
        if (key.isEmpty()) {
            throw QuarkflowException.invalidArgument(field + ".key", "filter predicate key must not be empty");
        }
        if (model.tagged() && key.startsWith("tags.")) {
            if (predicate.getOperation() != Predicate.Operation.EQUALS || !predicate.hasStringValue()) {
                throw QuarkflowException.invalidArgument(field, "tags filters support only EQUALS with a"
                        + " string_value");
            }
            bound.put(name + "k", key.substring("tags.".length()));
            bound.put(name + "v", predicate.getStringValue());
            return "exists (select 1 from " + model.entity() + " t join t.tags tag where t.id = e.id and key(tag) = :"
                    + name + "k and value(tag) = :" + name + "v)";
        }
        ResourceModel.Column column = model.column(key).orElseThrow(() -> QuarkflowException.invalidArgument(
                field + ".key", "no support for filtering on unrecognized field \"" + key + "\""));
        String col = "e." + column.attribute();
        boolean list = predicate.hasIntValues() || predicate.hasLongValues() || predicate.hasStringValues();
        switch (predicate.getOperation()) {
            case IN -> {
                if (!list) {
                    throw QuarkflowException.invalidArgument(field, "cannot use IN operator with scalar type");
                }
                bound.put(name, listValue(column, predicate, field));
                return col + " in (:" + name + ")";
            }
            case IS_SUBSTRING -> {
                if (!predicate.hasStringValue()) {
                    throw QuarkflowException.invalidArgument(field, "IS_SUBSTRING needs a string_value");
                }
                bound.put(name, "%" + predicate.getStringValue() + "%");
                return col + " like :" + name;
            }
            case EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS -> {
                if (list) {
                    throw QuarkflowException.invalidArgument(field, "cannot use a list value with operation "
                            + predicate.getOperation());
                }
                bound.put(name, scalarValue(column, predicate, field));
                return col + " " + operator(predicate.getOperation()) + " :" + name;
            }
            default -> throw QuarkflowException.invalidArgument(field + ".operation",
                    "unsupported filter operation " + predicate.getOperation());
        }
    }

    private static String operator(Predicate.Operation operation) {
        return switch (operation) {
            case EQUALS -> "=";
            case NOT_EQUALS -> "<>";
            case GREATER_THAN -> ">";
            case GREATER_THAN_EQUALS -> ">=";
            case LESS_THAN -> "<";
            default -> "<=";
        };
    }

    private static Object scalarValue(ResourceModel.Column column, Predicate predicate, String field) {
        return switch (predicate.getValueCase()) {
            case INT_VALUE -> convert(column, (long) predicate.getIntValue(), field);
            case LONG_VALUE -> convert(column, predicate.getLongValue(), field);
            case STRING_VALUE -> convert(column, predicate.getStringValue(), field);
            case TIMESTAMP_VALUE -> convert(column, Timestamps.toSeconds(predicate.getTimestampValue()), field);
            default -> throw QuarkflowException.invalidArgument(field, "filter predicate has no value");
        };
    }

    private static List<Object> listValue(ResourceModel.Column column, Predicate predicate, String field) {
        List<Object> values = new ArrayList<>();
        predicate.getIntValues().getValuesList().forEach(v -> values.add(convert(column, (long) v, field)));
        predicate.getLongValues().getValuesList().forEach(v -> values.add(convert(column, v, field)));
        predicate.getStringValues().getValuesList().forEach(v -> values.add(convert(column, v, field)));
        if (values.isEmpty()) {
            throw QuarkflowException.invalidArgument(field, "IN needs at least one value");
        }
        return values;
    }

    private static Object convert(ResourceModel.Column column, Object value, String field) {
        if (column.type() == ColumnType.STRING) {
            return value.toString();
        }
        if (value instanceof Long seconds) {
            return seconds;
        }
        try {
            return Instant.parse(value.toString()).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw QuarkflowException.invalidArgument(field, "\"" + value + "\" is not a timestamp");
        }
    }

    private static Object tokenValue(ResourceModel.Column column, Value value) {
        if (column.type() == ColumnType.SECONDS) {
            return (long) value.getNumberValue();
        }
        return value.getStringValue();
    }
}

package dev.quarkflow.apiserver.list;

import java.util.Map;
import java.util.Optional;

/**
 * What a list query may sort and filter on for one resource: API key → entity attribute (HQL path on alias
 * {@code e}) and its type, plus whether {@code tags.<key>} filters are allowed.
 *
 * @param entity the entity name used in HQL
 * @param columns API keys (including aliases such as {@code id}) to columns
 * @param tagged whether the entity has a {@code tags} map that {@code tags.<key>} predicates reach
 */
public record ResourceModel(String entity, Map<String, Column> columns, boolean tagged) {

    public static final String DEFAULT_SORT = "created_at";

    public record Column(String attribute, ColumnType type) {
        public static Column text(String attribute) {
            return new Column(attribute, ColumnType.STRING);
        }

        public static Column seconds(String attribute) {
            return new Column(attribute, ColumnType.SECONDS);
        }
    }

    public Optional<Column> column(String apiKey) {
        return Optional.ofNullable(columns.get(apiKey));
    }
}

package dev.quarkflow.metadata.domain.filter;

import java.util.Map;

/**
 * A filter_query as HQL: {@code joins} to append after {@code <Entity> <root>}, a boolean {@code where} expression,
 * and the values of its named parameters. No user text is ever part of {@code joins} or {@code where}.
 */
public record CompiledFilter(String joins, String where, Map<String, Object> parameters) {

    public CompiledFilter {
        parameters = Map.copyOf(parameters);
    }
}

package dev.quarkflow.apiserver.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import dev.quarkflow.apiserver.list.ListQuery;
import dev.quarkflow.apiserver.list.Page;

/** Runs a {@link ListQuery.Plan}: two statements per page (rows + count), whatever the page size. */
final class PageReader {

    private PageReader() {
    }

    static <E> Page<E> read(Session session, ListQuery.Plan plan, Class<E> type, Function<E, String> id) {
        SelectionQuery<Object[]> select = session.createSelectionQuery(plan.select(), Object[].class);
        bind(select, plan.selectParams());
        List<Object[]> rows = select.setMaxResults(plan.pageSize() + 1).getResultList();
        SelectionQuery<Long> count = session.createSelectionQuery(plan.count(), Long.class);
        bind(count, plan.countParams());
        int total = Math.toIntExact(count.getSingleResult());
        List<E> items = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), plan.pageSize()); i++) {
            items.add(type.cast(rows.get(i)[0]));
        }
        String next = "";
        if (rows.size() > plan.pageSize()) {
            Object[] first = rows.get(plan.pageSize());
            next = ListQuery.nextToken(plan, first[1], id.apply(type.cast(first[0])));
        }
        return new Page<>(items, total, next);
    }

    private static void bind(SelectionQuery<?> query, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                query.setParameterList(name, list);
            } else {
                query.setParameter(name, value);
            }
        });
    }
}

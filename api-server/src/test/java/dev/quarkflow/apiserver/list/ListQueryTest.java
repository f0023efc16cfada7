package dev.quarkflow.apiserver.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Value;

import dev.quarkflow.common.error.QuarkflowException;

class ListQueryTest {

    private static final ResourceModel MODEL = new ResourceModel("RunEntity", Map.of("name",
            ResourceModel.Column.text("displayName"), "created_at", ResourceModel.Column.seconds("createdAt")), false);

    @Test
    void plan_defaultsToCreatedAtAscending_andTwentyRows() {
        ListQuery.Plan plan = ListQuery.plan(MODEL, new ListParams("", 0, "", ""), "", Map.of());

        assertThat(plan.pageSize()).isEqualTo(20);
        assertThat(plan.sortBy()).isEqualTo("created_at asc");
        assertThat(plan.select()).endsWith("order by e.createdAt asc, e.id asc");
    }

    @Test
    void plan_capsPageSizeAt200_andParsesFilterValues() {
        String filter = "%7B%22predicates%22%3A%5B%7B%22key%22%3A%22created_at%22%2C%22operation%22%3A%22LESS_THAN"
                + "%22%2C%22timestamp_value%22%3A%222026-01-01T00%3A00%3A00Z%22%7D%5D%7D";

        ListQuery.Plan plan = ListQuery.plan(MODEL, new ListParams("", 500, "NAME DESC", filter), "", Map.of());

        assertThat(plan.pageSize()).isEqualTo(200);
        assertThat(plan.sortBy()).isEqualTo("name desc");
        assertThat(plan.countParams()).containsEntry("f0", 1767225600L);
        assertThat(plan.count()).contains("e.createdAt < :f0");
    }

    @Test
    void plan_continuesAfterTheTokenRow_inTheSortDirection() {
        String token = new PageToken("name desc", "", Value.newBuilder().setStringValue("m").build(), "id-7").encode();

        ListQuery.Plan plan = ListQuery.plan(MODEL, new ListParams(token, 10, "", ""), "", Map.of());

        assertThat(plan.select()).contains("e.displayName < :tokenValue or (e.displayName = :tokenValue and e.id <="
                + " :tokenKey)");
        assertThat(plan.selectParams()).containsEntry("tokenValue", "m").containsEntry("tokenKey", "id-7");
    }

    @Test
    void plan_rejectsATokenMadeForAnotherSort() {
        String token = new PageToken("name desc", "", Value.newBuilder().setStringValue("m").build(), "id").encode();

        assertThatThrownBy(() -> ListQuery.plan(MODEL, new ListParams(token, 10, "name asc", ""), "", Map.of()))
                .isInstanceOfSatisfying(QuarkflowException.class,
                        e -> assertThat(e.field()).contains("page_token"));
    }
}

package dev.quarkflow.metadata.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.error.ErrorCode;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.NodeKind;

class FilterQueryCompilerTest {

    private static CompiledFilter compile(String query, NodeKind kind) {
        return FilterQueryCompiler.compile("options.filter_query", query, kind, "fn", "f");
    }

    @Test
    void userValuesBecomeParameters_neverHqlText() {
        CompiledFilter filter = compile("name = \"x' or 1=1 --\" AND custom_properties.`my:prop`.int_value > 3",
                NodeKind.ARTIFACT);

        assertThat(filter.where()).doesNotContain("1=1").doesNotContain("my:prop");
        assertThat(filter.joins()).doesNotContain("my:prop");
        assertThat(filter.parameters()).containsValues("x' or 1=1 --", "my:prop", 3L);
    }

    @Test
    void sameAliasIsOneJoin_differentAliasesAreTwo() {
        CompiledFilter same = compile("contexts_a.name = 'r' AND contexts_a.type = 'p'", NodeKind.EXECUTION);
        CompiledFilter two = compile("contexts_a.name = 'r' AND contexts_b.name = 'p'", NodeKind.EXECUTION);

        assertThat(same.joins().split("join AssociationEntity")).hasSize(2);
        assertThat(two.joins().split("join AssociationEntity")).hasSize(3);
    }

    @Test
    void enumInequalityAlsoMatchesUnsetState() {
        CompiledFilter filter = compile("state != LIVE", NodeKind.ARTIFACT);

        assertThat(filter.where()).isEqualTo("(fn.state is null or fn.state <> :f0)");
        assertThat(filter.parameters()).containsEntry("f0", 2);
    }

    @Test
    void notBindsLooserThanComparison() {
        CompiledFilter filter = compile("NOT create_time_since_epoch < 1 AND id = 2", NodeKind.CONTEXT);

        assertThat(filter.where()).isEqualTo("(not (fn.createTime < :f0) and fn.id = :f1)");
    }

    @Test
    void rejectsWrongKindNamesTypesAndSyntax() {
        for (String bad : new String[] { "uri = 'x'", "events_0.type = OUTPUT AND parent_contexts_a.id = 1",
                "name = 1", "events_0.type = PENDING_OUTPUT", "name", "name = 'a' 'b'", "" }) {
            assertThatThrownBy(() -> compile(bad, NodeKind.CONTEXT)).as(bad)
                    .isInstanceOfSatisfying(QuarkflowException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).startsWith("options.filter_query: Invalid `filter_query`");
                    });
        }
    }
}

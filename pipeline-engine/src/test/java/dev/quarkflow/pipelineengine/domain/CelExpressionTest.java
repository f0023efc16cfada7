package dev.quarkflow.pipelineengine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec;

class CelExpressionTest {

    private static final Map<String, Object> VARS = CelExpression.conditionVariables(new LinkedHashMap<>(Map.of(
            "pipelinechannel--flip-coin-Output", "heads",
            "pipelinechannel--n", 7.0,
            "pipelinechannel--x", 0.5,
            "pipelinechannel--flag", true,
            "pipelinechannel--text", "10")));

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads' => true",
            "inputs.parameter_values['pipelinechannel--flip-coin-Output'] != 'heads' => false",
            "int(inputs.parameter_values['pipelinechannel--n']) > 5 => true",
            "int(inputs.parameter_values['pipelinechannel--n']) <= 5 => false",
            "inputs.parameter_values['pipelinechannel--n'] == 7 => true",
            "double(inputs.parameter_values['pipelinechannel--x']) < 0.6 => true",
            "!(inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads') && true => false",
            "!(inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'tails') || false => true",
            "inputs.parameter_values['pipelinechannel--flag'] == true => true",
            "int(inputs.parameter_values['pipelinechannel--text']) == 10 => true",
            "'abc' < 'abd' => true",
            "\"a\" + 'b' == 'ab' => true",
            "1 + 2 * 3 == 7 => true",
            "-1 < 0 && 3 - 4 == -1 => true",
            "size('abc') == 3 => true" })
    void evaluatesConditionsTheSdkEmits(String expression, boolean expected) {
        assertThat(CelExpression.parse(expression).test(VARS)).isEqualTo(expected);
    }

    @Test
    void parseJson_selectsAField() {
        Object value = CelExpression.parse("parseJson(string_value)[\"B_b\"]")
                .evaluate(Map.of("string_value", "{\"A_a\": \"10\", \"B_b\": \"20\"}"));

        assertThat(value).isEqualTo("20");
    }

    @Test
    void lazyLogicalOperators_doNotEvaluateTheRightSideWhenDecided() {
        assertThat(CelExpression.parse("false && undefined_thing").test(Map.of())).isFalse();
        assertThat(CelExpression.parse("true || undefined_thing").test(Map.of())).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "1 == => unexpected end",
            "(1 == 1 => ')' expected",
            "'open => unterminated string",
            "1 == 1 1 => unexpected '1'" })
    void syntaxErrors_sayWhere(String expression, String problem) {
        assertThatThrownBy(() -> CelExpression.parse(expression)).isInstanceOf(CelExpression.CelException.class)
                .hasMessageContaining("syntax error").hasMessageContaining(problem);
    }

    @Test
    void typeErrors_andUnknownNames_areErrors() {
        assertThatThrownBy(() -> CelExpression.parse("'a' < 1").test(Map.of())).hasMessageContaining("no such overload");
        assertThatThrownBy(() -> CelExpression.parse("x == 1").test(Map.of())).hasMessageContaining("'x'");
        assertThatThrownBy(() -> CelExpression.parse("1 + 1").test(Map.of())).hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> CelExpression.parse("int('x1')").evaluate(Map.of())).hasMessageContaining("x1");
    }

    static List<String> corpusConditions() {
        return dev.quarkflow.common.testing.SharedFixtures.conformanceFiles("kfp", ".yaml").stream()
                .map(path -> ScriptedRun.conformance(
                        dev.quarkflow.common.testing.SharedFixtures.conformance("kfp").relativize(path).toString()))
                .flatMap(p -> java.util.stream.Stream.concat(p.spec().getComponentsMap().values().stream(),
                        java.util.stream.Stream.of(p.spec().getRoot())))
                .flatMap(c -> c.getDag().getTasksMap().values().stream())
                .map(PipelineTaskSpec::getTriggerPolicy).map(PipelineTaskSpec.TriggerPolicy::getCondition)
                .filter(c -> !c.isEmpty()).distinct().toList();
    }

    @ParameterizedTest
    @MethodSource("corpusConditions")
    void parsesEveryConditionOfTheCorpus(String condition) {
        assertThat(CelExpression.parse(condition).source()).isEqualTo(condition);
    }
}

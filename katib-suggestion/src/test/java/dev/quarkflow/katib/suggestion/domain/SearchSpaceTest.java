package dev.quarkflow.katib.suggestion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.error.QuarkflowException;

class SearchSpaceTest {

    private static SearchSpace space(ParameterDef... parameters) {
        return SearchSpace.of(List.of(parameters), "parameters");
    }

    @Test
    void rejectsMalformedBounds_namingTheField() {
        assertThatThrownBy(() -> space(ParameterDef.range("a", ParameterKind.DOUBLE, "x", "1")))
                .isInstanceOf(QuarkflowException.class).hasMessage("parameters[0].feasible_space.min: value x of "
                        + "parameter a is not a number");
        assertThatThrownBy(() -> space(ParameterDef.range("a", ParameterKind.INT, "1", "2.5")))
                .hasMessageContaining("parameters[0].feasible_space.max");
        assertThatThrownBy(() -> space(ParameterDef.range("a", ParameterKind.INT, "3", "2")))
                .hasMessageContaining("greater than max");
        assertThatThrownBy(() -> space(ParameterDef.range("a", ParameterKind.DOUBLE, "0", "1").withStep("-1")))
                .hasMessageContaining("feasible_space.step");
        assertThatThrownBy(() -> space(ParameterDef.range("a", ParameterKind.DOUBLE, "0", "1")
                .withScale(Scale.LOG_UNIFORM))).hasMessageContaining("min must be positive");
        assertThatThrownBy(() -> space(ParameterDef.choice("a", ParameterKind.CATEGORICAL)))
                .hasMessageContaining("feasible_space.list");
        assertThatThrownBy(() -> space(ParameterDef.choice("a", ParameterKind.DISCRETE, "1", "two")))
                .hasMessageContaining("feasible_space.list");
        assertThatThrownBy(() -> space(ParameterDef.choice("a", ParameterKind.DISCRETE, "1"),
                ParameterDef.choice("a", ParameterKind.DISCRETE, "1"))).hasMessageContaining("duplicate");
    }

    @Test
    void encodeDecode_roundTripsEveryKind() {
        SearchSpace space = space(ParameterDef.range("d", ParameterKind.DOUBLE, "0.001", "10")
                .withScale(Scale.LOG_UNIFORM), ParameterDef.range("i", ParameterKind.INT, "2", "20").withStep("3"),
                ParameterDef.choice("c", ParameterKind.CATEGORICAL, "a", "b"),
                ParameterDef.choice("n", ParameterKind.DISCRETE, "0.5", "1.5"));
        Map<String, String> assignments = Map.of("d", "0.1", "i", "8", "c", "b", "n", "1.50");

        double[] point = space.encode(assignments).orElseThrow();

        assertThat(space.decode(point)).containsExactly(Map.entry("d", "0.1"), Map.entry("i", "8"),
                Map.entry("c", "b"), Map.entry("n", "1.5"));
        assertThat(space.encode(Map.of("d", "0.1", "i", "8", "c", "zzz", "n", "1.5"))).isEmpty();
        assertThat(space.encode(Map.of("d", "100", "i", "8", "c", "a", "n", "1.5"))).isEmpty();
    }

    @Test
    void stepsStayOnTheGrid_andDoublesAvoidFloatNoise() {
        var d = (NumericDimension) space(ParameterDef.range("d", ParameterKind.DOUBLE, "0.1", "0.35")
                .withStep("0.1")).get(0);

        assertThat(d.gridValues()).containsExactly("0.1", "0.2", "0.3");
        assertThat(d.format(1.0)).isEqualTo("0.3");
        assertThat(d.format(0.55)).isEqualTo("0.2");
        assertThat(NumericDimension.formatDouble(1e-7)).isEqualTo("0.0000001");
    }
}

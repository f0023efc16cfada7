package dev.quarkflow.katib.suggestion.algorithm;

import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Scale;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;

class RandomSearchTest {

    private final RandomSearch random = new RandomSearch();

    @Test
    void logUniform_spreadsOverDecades() {
        var lr = ParameterDef.range("lr", ParameterKind.DOUBLE, "0.00001", "1").withScale(Scale.LOG_UNIFORM);
        var experiment = experiment("random", List.of(lr), Settings.of("random_state", "1"));

        var values = random.suggest(new SuggestionRequest(experiment, List.of(), 400)).suggestions().stream()
                .mapToDouble(s -> Double.parseDouble(s.assignments().get("lr"))).toArray();

        long belowOneThousandth = java.util.Arrays.stream(values).filter(v -> v < 0.001).count();
        assertThat(belowOneThousandth).as("log-uniform puts ~40%% below 1e-3").isBetween(120L, 200L);
    }

    @Test
    void normal_concentratesAroundTheMiddle() {
        var x = ParameterDef.range("x", ParameterKind.DOUBLE, "0", "6").withScale(Scale.NORMAL);
        var experiment = experiment("random", List.of(x), Settings.of("random_state", "2"));

        var values = random.suggest(new SuggestionRequest(experiment, List.of(), 400)).suggestions().stream()
                .mapToDouble(s -> Double.parseDouble(s.assignments().get("x"))).toArray();

        long withinOneSigma = java.util.Arrays.stream(values).filter(v -> v >= 2 && v <= 4).count();
        assertThat(withinOneSigma).as("about 68%% within one sigma").isBetween(240L, 310L);
        assertThat(java.util.Arrays.stream(values).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 6.0));
    }

    @Test
    void differentRandomStates_giveDifferentPoints() {
        var space = Fixtures.twoDoubles();

        var a = random.suggest(new SuggestionRequest(experiment("random", space, Settings.of("random_state", "1")),
                List.of(), 2));
        var b = random.suggest(new SuggestionRequest(experiment("random", space, Settings.of("random_state", "2")),
                List.of(), 2));

        assertThat(a.suggestions()).isNotEqualTo(b.suggestions());
    }
}

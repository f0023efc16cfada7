package dev.quarkflow.katib.suggestion.algorithm;

import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.experiment;
import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

class GridSearchTest {

    private final GridSearch grid = new GridSearch();
    private final ParameterDef int1to5 = ParameterDef.range("a", ParameterKind.INT, "1", "5");

    @Test
    void validate_acceptsMaxTrialCountEqualToTheGrid() {
        assertThatCode(() -> grid.validate(experiment("grid", List.of(int1to5), Goal.MINIMIZE, Settings.empty(), 1,
                5, null))).doesNotThrowAnyException();
    }

    @Test
    void validate_rejectsDoubleWithoutStep_namingTheStep() {
        var noStep = ParameterDef.range("b", ParameterKind.DOUBLE, "1", "5");

        assertThatThrownBy(() -> grid.validate(experiment("grid", List.of(int1to5, noStep), Settings.empty())))
                .isInstanceOf(QuarkflowException.class)
                .hasMessageContaining("parameters[1].feasible_space.step").hasMessageContaining("step is nil");
    }

    @Test
    void validate_rejectsMaxTrialCountAboveTheGrid() {
        var b = ParameterDef.range("b", ParameterKind.DOUBLE, "1", "5").withStep("1");

        assertThatThrownBy(() -> grid.validate(experiment("grid", List.of(int1to5, b), Goal.MINIMIZE,
                Settings.empty(), 1, 26, null)))
                .isInstanceOf(QuarkflowException.class).hasMessageContaining("max_trial_count")
                .hasMessageContaining("Max Trial Count: 26 > all possible search combinations: 25");
    }

    @Test
    void suggest_walksEveryCombinationOnce_beforeRepeating() {
        var b = ParameterDef.range("b", ParameterKind.DOUBLE, "0.5", "1.5").withStep("0.5");
        var c = ParameterDef.choice("c", ParameterKind.CATEGORICAL, "x", "y");
        var experiment = experiment("grid", List.of(int1to5, b, c), Settings.of("random_state", "1"));
        List<TrialDef> trials = new ArrayList<>();

        for (int round = 0; round < 6; round++) {
            for (var s : grid.suggest(new SuggestionRequest(experiment, trials, 5)).suggestions()) {
                trials.add(trial("t" + trials.size(), s.assignments(), TrialState.SUCCEEDED, 1.0));
            }
        }

        var seen = new HashSet<Map<String, String>>();
        trials.forEach(t -> seen.add(t.assignments()));
        assertThat(seen).hasSize(30).contains(Map.of("a", "3", "b", "1.5", "c", "y"));
    }

    @Test
    void suggest_skipsCombinationsHeldByRunningTrials_andRepeatsWhenExhausted() {
        var experiment = experiment("grid", List.of(ParameterDef.choice("c", ParameterKind.DISCRETE, "1", "2")),
                Settings.empty());
        var running = trial("r", Map.of("c", "1"), TrialState.RUNNING, null);

        var next = grid.suggest(new SuggestionRequest(experiment, List.of(running), 1)).suggestions();
        var wrapped = grid.suggest(new SuggestionRequest(experiment, List.of(running), 3)).suggestions();

        assertThat(next.get(0).assignments()).containsEntry("c", "2");
        assertThat(wrapped).hasSize(3);
    }
}

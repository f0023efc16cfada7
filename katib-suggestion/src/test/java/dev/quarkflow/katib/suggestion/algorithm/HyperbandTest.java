package dev.quarkflow.katib.suggestion.algorithm;

import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.error.ErrorCode;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

class HyperbandTest {

    private final Hyperband hyperband = new Hyperband();
    private final List<ParameterDef> space = List.of(ParameterDef.range("lr", ParameterKind.DOUBLE, "0.01", "0.1"),
            ParameterDef.range("epochs", ParameterKind.INT, "1", "100"));

    private ExperimentDef experiment(Settings settings, int parallel) {
        return Fixtures.experiment("hyperband", space, Goal.MINIMIZE, settings, parallel, 0, null);
    }

    @Test
    void validate_requiresRlAndResourceName_andEnoughParallelTrials() {
        assertThatThrownBy(() -> hyperband.validate(experiment(Settings.of("resource_name", "epochs"), 9)))
                .hasMessageContaining("r_l and resource_name must be set.");
        assertThatThrownBy(() -> hyperband.validate(experiment(Settings.of("r_l", "-1", "resource_name", "epochs"),
                9))).hasMessageContaining("r_l must be a positive float number.");
        assertThatThrownBy(() -> hyperband.validate(experiment(Settings.of("r_l", "9", "resource_name", "batch"),
                9))).hasMessageContaining("value of resource_name setting must be in parameters.");
        assertThatThrownBy(() -> hyperband.validate(experiment(Settings.of("r_l", "9", "resource_name", "epochs"),
                8))).isInstanceOf(QuarkflowException.class)
                .hasMessageContaining("parallelTrialCount must be not less than 9.");
        assertThatThrownBy(() -> hyperband.validate(experiment(Settings.of("r_l", "9", "resource_name", "epochs",
                "foo", "1"), 9))).hasMessageContaining("unknown setting foo for algorithm hyperband");
        hyperband.validate(experiment(Settings.of("r_l", "9", "resource_name", "epochs", "eta", "3"), 9));
    }

    @Test
    void masterBracket_withCreatedTrials_answersTheRequestedCount_andReturnsItsState() {
        var exp = experiment(Settings.of("r_l", "10", "resource_name", "epochs", "eta", "3"), 9);
        var created = List.of(Fixtures.trial("a", Map.of("lr", "0.05", "epochs", "1"), TrialState.CREATED, null),
                Fixtures.trial("b", Map.of("lr", "0.02", "epochs", "1"), TrialState.CREATED, null));

        var result = hyperband.suggest(new SuggestionRequest(exp, created, 2));

        assertThat(result.suggestions()).hasSize(2)
                .allSatisfy(s -> assertThat(s.assignments()).containsEntry("epochs", "1"));
        assertThat(result.algorithmSettings().orElseThrow().values()).containsKeys(Hyperband.STATE_KEYS.toArray(
                String[]::new)).containsEntry("s_max", "2").containsEntry("current_s", "2")
                .containsEntry("evaluating_trials", "2").containsEntry("current_i", "0");
    }

    @Test
    void childBracket_promotesTheBest_withMoreResource_andWaitsForUnfinishedTrials() {
        Settings settings = Settings.of("r_l", "9", "resource_name", "epochs", "eta", "3", "random_state", "1");
        var exp = experiment(settings, 9);
        var master = hyperband.suggest(new SuggestionRequest(exp, List.of(), 9));
        Settings state = master.algorithmSettings().orElseThrow();
        List<TrialDef> trials = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            var a = master.suggestions().get(i).assignments();
            trials.add(new TrialDef("t" + i, a, Map.of(), TrialState.SUCCEEDED, "2026-01-01T00:00:0" + i + "Z",
                    "2026-01-01T00:01:00Z", Map.of(Fixtures.METRIC, a.get("lr"))));
        }
        var running = new ArrayList<>(trials);
        running.set(8, new TrialDef("t8", trials.get(8).assignments(), Map.of(), TrialState.RUNNING,
                "2026-01-01T00:00:08Z", "", Map.of()));

        var child = hyperband.suggest(new SuggestionRequest(exp.withSettings(state), trials, 3));

        assertThat(master.suggestions()).allSatisfy(s -> assertThat(s.assignments()).containsEntry("epochs", "1"));
        assertThat(child.suggestions()).hasSize(3).allSatisfy(s -> assertThat(s.assignments())
                .containsEntry("epochs", "3"));
        double bestLr = trials.stream().mapToDouble(t -> Double.parseDouble(t.assignments().get("lr"))).min()
                .orElseThrow();
        assertThat(child.suggestions().get(0).assignments().get("lr")).isEqualTo(NumberText.of(bestLr));
        assertThat(child.algorithmSettings().orElseThrow().values()).containsEntry("current_i", "1")
                .containsEntry("evaluating_trials", "3");
        assertThatThrownBy(() -> hyperband.suggest(new SuggestionRequest(exp.withSettings(state), running, 3)))
                .isInstanceOfSatisfying(QuarkflowException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION))
                .hasMessageContaining("t8");
    }

    @Test
    void exhaustedHyperband_startsANewIteration() {
        var exp = experiment(Settings.of("r_l", "9", "resource_name", "epochs", "s_max", "2", "r_l", "9", "eta", "3",
                "current_s", "-1", "current_i", "0", "n", "1", "r", "1", "b_l", "27", "evaluating_trials", "0"), 9);

        var result = hyperband.suggest(new SuggestionRequest(exp, List.of(), 4));

        assertThat(result.suggestions()).hasSize(4);
        assertThat(result.algorithmSettings().orElseThrow().values()).containsEntry("current_s", "2");
    }

    /** Formats a double as the dimension does. */
    private static final class NumberText {
        static String of(double v) {
            return dev.quarkflow.katib.suggestion.domain.NumericDimension.formatDouble(v);
        }
    }
}

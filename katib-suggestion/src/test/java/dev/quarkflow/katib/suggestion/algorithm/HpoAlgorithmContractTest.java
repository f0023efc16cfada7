package dev.quarkflow.katib.suggestion.algorithm;

import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.experiment;
import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.mixedSpace;
import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.common.error.ErrorCode;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

/** What every history-based HPO algorithm promises, checked for each of them on the mixed space. */
class HpoAlgorithmContractTest {

    static Stream<SearchAlgorithm> algorithms() {
        return AlgorithmsUnderTest.hpo().stream();
    }

    private final SuggestionService service = new SuggestionService(new AlgorithmRegistry(AlgorithmsUnderTest.all()));

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void answersExactlyTheRequestedCount_forZeroOneAndMany(SearchAlgorithm algorithm) {
        ExperimentDef experiment = experiment(algorithm.name(), mixedSpace(), Settings.of("random_state", "7"));
        List<TrialDef> trials = new ArrayList<>();

        for (int count : new int[] { 0, 1, 5, 3, 7 }) {
            var result = service.suggest(new SuggestionRequest(experiment, trials, count));

            assertThat(result.suggestions()).as("%s asked for %d", algorithm.name(), count).hasSize(count);
            for (Suggestion s : result.suggestions()) {
                trials.add(trial("t" + trials.size(), s.assignments(), TrialState.SUCCEEDED,
                        (double) s.assignments().get("layers").hashCode() % 7));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void suggestionsLieInsideTheSpace_withEveryParameterInOrder(SearchAlgorithm algorithm) {
        ExperimentDef experiment = experiment(algorithm.name(), mixedSpace(), Settings.of("random_state", "3"));
        SearchSpace space = SearchSpace.of(experiment);
        List<TrialDef> trials = Fixtures.optimise(algorithm, experiment, 4, 4,
                a -> Double.parseDouble(a.get("momentum")) + Double.parseDouble(a.get("lr")));

        for (TrialDef t : trials) {
            assertThat(t.assignments().keySet()).containsExactly("lr", "momentum", "dropout", "layers", "units",
                    "batch", "optimizer", "size");
            assertThat(space.encode(t.assignments())).as("%s inside space", t.assignments()).isPresent();
            assertThat(Integer.parseInt(t.assignments().get("units")) % 16).isZero();
            assertThat(t.assignments().get("dropout")).isIn("0.1", "0.2", "0.3", "0.4", "0.5");
            assertThat(Integer.parseInt(t.assignments().get("layers"))).isBetween(1, 8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void sameRequestWithRandomState_givesTheSameAnswer(SearchAlgorithm algorithm) {
        ExperimentDef experiment = experiment(algorithm.name(), mixedSpace(), Settings.of("random_state", "11"));
        List<TrialDef> trials = Fixtures.optimise(algorithm, experiment, 3, 4,
                a -> Double.parseDouble(a.get("momentum")));

        var first = algorithm.suggest(new SuggestionRequest(experiment, trials, 3));
        var second = algorithm.suggest(new SuggestionRequest(experiment, trials, 3));

        assertThat(first.suggestions()).isEqualTo(second.suggestions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void acceptsTrialsInEveryState_andTrialsWithoutObjective(SearchAlgorithm algorithm) {
        ExperimentDef experiment = experiment(algorithm.name(), mixedSpace(), Settings.of("random_state", "5"));
        List<TrialDef> seed = Fixtures.optimise(algorithm, experiment, 1, TrialState.values().length,
                a -> 1.0);
        List<TrialDef> trials = new ArrayList<>();
        for (int i = 0; i < seed.size(); i++) {
            TrialState state = TrialState.values()[i];
            trials.add(trial("s" + i, seed.get(i).assignments(), state, state == TrialState.EARLYSTOPPED ? null : 1.0));
        }

        var result = service.suggest(new SuggestionRequest(experiment, trials, 2));

        assertThat(result.suggestions()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void rejectsUnknownSettingsAndNegativeRandomState_namingTheSetting(SearchAlgorithm algorithm) {
        assertThatThrownBy(() -> algorithm.validate(
                experiment(algorithm.name(), mixedSpace(), Settings.of("unknown_conf", "1"))))
                .isInstanceOfSatisfying(QuarkflowException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("unknown setting unknown_conf for algorithm " + algorithm.name());
        assertThatThrownBy(() -> algorithm.validate(
                experiment(algorithm.name(), mixedSpace(), Settings.of("random_state", "-1"))))
                .isInstanceOf(QuarkflowException.class).hasMessageContaining("random_state");
        assertThatThrownBy(() -> algorithm.validate(
                experiment(algorithm.name(), mixedSpace(), Settings.of("random_state", "abc"))))
                .isInstanceOf(QuarkflowException.class).hasMessageContaining("failed to validate random_state(abc)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void rejectsAnEmptySpace(SearchAlgorithm algorithm) {
        assertThatThrownBy(() -> service.suggest(new SuggestionRequest(
                experiment(algorithm.name(), List.of(), Settings.empty()), List.of(), 1)))
                .isInstanceOf(QuarkflowException.class).hasMessageContaining("parameter_specs");
    }
}

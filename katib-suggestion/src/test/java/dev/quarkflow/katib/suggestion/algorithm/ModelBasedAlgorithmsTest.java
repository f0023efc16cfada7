package dev.quarkflow.katib.suggestion.algorithm;

import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.experiment;
import static dev.quarkflow.katib.suggestion.algorithm.Fixtures.twoDoubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Settings;

/** Settings, validation and search quality of tpe, multivariate-tpe, cmaes, sobol and bayesianoptimization. */
class ModelBasedAlgorithmsTest {

    /** A bowl with its minimum 0 at (2, 7). */
    private static double bowl(Map<String, String> a) {
        double x = Double.parseDouble(a.get("x"));
        double y = Double.parseDouble(a.get("y"));
        return (x - 2) * (x - 2) + (y - 7) * (y - 7);
    }

    static Stream<Arguments> searchers() {
        return Stream.of(Arguments.of(new TreeParzenEstimator(), 3.0), Arguments.of(new MultivariateTpe(), 3.0),
                Arguments.of(new CmaEsSearch(), 1.0), Arguments.of(new BayesianOptimization(), 0.5),
                Arguments.of(new SobolSearch(), 6.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searchers")
    void findsTheBowlsMinimum_within48Trials_andBeatsItsOwnStart(SearchAlgorithm algorithm, double target) {
        var experiment = experiment(algorithm.name(), twoDoubles(), Settings.of("random_state", "4"));

        var trials = Fixtures.optimise(algorithm, experiment, 12, 4, ModelBasedAlgorithmsTest::bowl);

        assertThat(Fixtures.best(trials)).as(algorithm.name()).isLessThan(target);
        assertThat(Fixtures.best(trials)).isLessThanOrEqualTo(Fixtures.best(trials.subList(0, 8)));
    }

    @Test
    void maximise_negatesTheObjective() {
        var tpe = new MultivariateTpe();
        var experiment = experiment(tpe.name(), twoDoubles(), Goal.MAXIMIZE, Settings.of("random_state", "1"), 4, 0,
                null);

        var trials = Fixtures.optimise(tpe, experiment, 12, 4, a -> -bowl(a));

        double bestMax = trials.stream().mapToDouble(t -> t.metric(Fixtures.METRIC).orElseThrow()).max()
                .orElseThrow();
        assertThat(bestMax).isGreaterThan(-3.0);
    }

    @Test
    void tpe_validatesHyperoptSettings_withUpstreamMessages() {
        var tpe = new TreeParzenEstimator();

        assertThatThrownBy(() -> tpe.validate(experiment("tpe", twoDoubles(), Settings.of("gamma", "1.5"))))
                .isInstanceOf(QuarkflowException.class).hasMessageContaining("gamma should be in the range of (0, 1)")
                .hasMessageContaining("algorithm_settings[gamma]");
        assertThatThrownBy(() -> tpe.validate(experiment("tpe", twoDoubles(), Settings.of("n_EI_candidates", "0"))))
                .hasMessageContaining("n_EI_candidates should be great than zero");
        assertThatThrownBy(() -> tpe.validate(experiment("tpe", twoDoubles(), Settings.of("prior_weight", "0"))))
                .hasMessageContaining("prior_weight");
        assertThatCode(() -> tpe.validate(experiment("tpe", twoDoubles(), Settings.of("gamma", "0.3",
                "prior_weight", "2", "n_EI_candidates", "10", "random_state", "0")))).doesNotThrowAnyException();
    }

    @Test
    void multivariateTpe_validatesOptunaSettings() {
        var tpe = new MultivariateTpe();

        assertThatThrownBy(() -> tpe.validate(experiment(tpe.name(), twoDoubles(),
                Settings.of("n_startup_trials", "-1")))).hasMessageContaining("n_startup_trials");
        assertThatCode(() -> tpe.validate(experiment(tpe.name(), twoDoubles(), Settings.of("n_startup_trials", "5",
                "n_ei_candidates", "10", "random_state", "1")))).doesNotThrowAnyException();
    }

    @Test
    void cmaes_validatesRestartStrategySigmaRandomStateAndDimensions() {
        var cmaes = new CmaEsSearch();
        var twoInts = List.of(ParameterDef.range("a", ParameterKind.INT, "1", "10"),
                ParameterDef.range("b", ParameterKind.INT, "1", "10"));

        assertThatThrownBy(() -> cmaes.validate(experiment("cmaes", twoDoubles(),
                Settings.of("restart_strategy", "invalid")))).hasMessageContaining("restart_strategy");
        assertThatThrownBy(() -> cmaes.validate(experiment("cmaes", twoDoubles(), Settings.of("sigma", "-10"))))
                .hasMessageContaining("sigma");
        assertThatThrownBy(() -> cmaes.validate(experiment("cmaes", twoDoubles(), Settings.of("random_state",
                "-20")))).hasMessageContaining("random_state");
        assertThatThrownBy(() -> cmaes.validate(experiment("cmaes", List.of(twoDoubles().get(0),
                ParameterDef.choice("c", ParameterKind.CATEGORICAL, "a", "b")), Settings.empty())))
                .hasMessageContaining("cmaes only supports two or more dimensional continuous search space.");
        assertThatCode(() -> cmaes.validate(experiment("cmaes", twoInts, Settings.of("restart_strategy", "ipop",
                "sigma", "0.1")))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("restartStrategies")
    void cmaes_restartStrategies_keepSearching_afterConvergence(String strategy) {
        var cmaes = new CmaEsSearch();
        var experiment = experiment("cmaes", twoDoubles(), Settings.of("restart_strategy", strategy, "sigma", "1",
                "random_state", "2"));

        var trials = Fixtures.optimise(cmaes, experiment, 40, 6, ModelBasedAlgorithmsTest::bowl);

        assertThat(trials).hasSize(240);
        assertThat(Fixtures.best(trials)).isLessThan(0.1);
    }

    static Stream<String> restartStrategies() {
        return Stream.of("none", "None", "ipop", "bipop");
    }

    @Test
    void bayesianOptimization_rejectsValuesOutsideTheirSets_namingTheSetting() {
        var bo = new BayesianOptimization();
        for (String name : List.of("base_estimator", "acq_func", "acq_optimizer")) {
            assertThatThrownBy(() -> bo.validate(experiment(bo.name(), twoDoubles(), Settings.of(name, "foo"))))
                    .isInstanceOf(QuarkflowException.class).hasMessageContaining("algorithm_settings[" + name + "]");
        }
        for (String name : List.of("n_initial_points", "random_state")) {
            assertThatThrownBy(() -> bo.validate(experiment(bo.name(), twoDoubles(), Settings.of(name, "-1"))))
                    .hasMessageContaining(name);
        }
    }

    static Stream<Arguments> boSettings() {
        return Stream.of(Arguments.of("GP", "EI", "sampling"), Arguments.of("GP", "PI", "lbfgs"),
                Arguments.of("GP", "LCB", "auto"), Arguments.of("GP", "EIps", "auto"),
                Arguments.of("RF", "gp_hedge", "auto"), Arguments.of("ET", "PIps", "sampling"),
                Arguments.of("GBRT", "LCB", "auto"));
    }

    @ParameterizedTest
    @MethodSource("boSettings")
    void bayesianOptimization_everyEstimatorAndAcquisition_modelledPointsBeatTheInitialOnes(String estimator, String acq,
            String optimizer) {
        var bo = new BayesianOptimization();
        var experiment = experiment(bo.name(), twoDoubles(), Settings.of("base_estimator", estimator, "acq_func", acq,
                "acq_optimizer", optimizer, "n_initial_points", "8", "random_state", "3"));

        var trials = Fixtures.optimise(bo, experiment, 8, 3, ModelBasedAlgorithmsTest::bowl);

        assertThat(trials).hasSize(24);
        assertThat(median(trials.subList(9, 24))).as("modelled points beat the random start")
                .isLessThan(median(trials.subList(0, 9)));
    }

    private static double median(List<dev.quarkflow.katib.suggestion.domain.TrialDef> trials) {
        double[] values = trials.stream().mapToDouble(t -> t.metric(Fixtures.METRIC).orElseThrow()).sorted()
                .toArray();
        return values[values.length / 2];
    }

    @Test
    void sobol_continuesTheSequence_fromTheNumberOfTrials() {
        var sobol = new SobolSearch();
        var experiment = experiment("sobol", twoDoubles(), Settings.empty());

        var trials = Fixtures.optimise(sobol, experiment, 1, 4, a -> 0);
        var next = sobol.suggest(new dev.quarkflow.katib.suggestion.domain.SuggestionRequest(experiment, trials, 2));
        var allAtOnce = sobol.suggest(new dev.quarkflow.katib.suggestion.domain.SuggestionRequest(experiment,
                List.of(), 6));

        assertThat(next.suggestions()).isEqualTo(allAtOnce.suggestions().subList(4, 6));
    }
}

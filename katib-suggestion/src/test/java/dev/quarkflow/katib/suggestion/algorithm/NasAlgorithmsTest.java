package dev.quarkflow.katib.suggestion.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.NasConfig;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

/** enas and darts (facts 4.7, 4.8 and scenarios 13-16). */
class NasAlgorithmsTest {

    private static final NasConfig.Operation CONV = new NasConfig.Operation("convolution", List.of(
            ParameterDef.choice("filter_size", ParameterKind.CATEGORICAL, "3", "5"),
            ParameterDef.range("num_filter", ParameterKind.INT, "32", "48").withStep("16")));
    private static final NasConfig.Operation POOL = new NasConfig.Operation("reduction", List.of(
            ParameterDef.choice("reduction_type", ParameterKind.CATEGORICAL, "max_pooling"),
            ParameterDef.range("pool_size", ParameterKind.DOUBLE, "0.5", "1.0").withStep("0.5")));

    private static ExperimentDef nas(String algorithm, NasConfig config, Settings settings) {
        return Fixtures.experiment(algorithm, List.of(), Goal.MAXIMIZE, settings, 2, 0, config);
    }

    @Test
    void darts_answersSettingsSearchSpaceAndLayers_mergingUserSettings() {
        var sep = new NasConfig.Operation("separable_convolution",
                List.of(ParameterDef.choice("filter_size", ParameterKind.CATEGORICAL, "3", "5")));
        var config = new NasConfig(3, List.of(32, 32, 3), List.of(10), List.of(sep));
        var darts = new Darts();
        var exp = nas("darts", config, Settings.of("num_epochs", "2", "batch_size", "None", "extra", "x"));

        darts.validate(exp);
        var result = darts.suggest(new SuggestionRequest(exp, List.of(), 1));

        assertThat(result.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.assignments()).containsEntry("search-space",
                    "['separable_convolution_3x3', 'separable_convolution_5x5']").containsEntry("num-layers", "3");
            assertThat(s.assignments().get("algorithm-settings")).isEqualTo("{'num_epochs': '2', 'w_lr': 0.025, "
                    + "'w_lr_min': 0.001, 'w_momentum': 0.9, 'w_weight_decay': 0.0003, 'w_grad_clip': 5.0, "
                    + "'alpha_lr': 0.0003, 'alpha_weight_decay': 0.001, 'batch_size': null, 'num_workers': 4, "
                    + "'init_channels': 16, 'print_step': 50, 'num_nodes': 4, 'stem_multiplier': 3, 'extra': 'x'}");
        });
    }

    @Test
    void darts_rejectsOutOfRangeSettings_andBadOperations() {
        var darts = new Darts();
        var config = new NasConfig(3, List.of(1), List.of(1), List.of(CONV));
        for (var bad : List.of(Map.entry("num_epochs", "0"), Map.entry("w_lr", "-0.1"),
                Map.entry("alpha_weight_decay", "-0.02"), Map.entry("w_momentum", "-0.8"),
                Map.entry("batch_size", "0"), Map.entry("print_step", "0"))) {
            assertThatThrownBy(() -> darts.validate(nas("darts", config, Settings.of(bad.getKey(), bad.getValue()))))
                    .as(bad.getKey()).hasMessageContaining(bad.getKey());
        }
        assertThatCode(() -> darts.validate(nas("darts", config, Settings.of("batch_size", "None"))))
                .doesNotThrowAnyException();
        var noType = new NasConfig(3, List.of(1), List.of(1), List.of(new NasConfig.Operation("", CONV.parameters())));
        assertThatThrownBy(() -> darts.validate(nas("darts", noType, Settings.empty())))
                .hasMessageContaining("Missing operationType");
        var noParams = new NasConfig(3, List.of(1), List.of(1), List.of(new NasConfig.Operation("conv", List.of())));
        assertThatThrownBy(() -> darts.validate(nas("darts", noParams, Settings.empty())))
                .hasMessageContaining("Missing ParameterConfigs");
        var noStep = new NasConfig(3, List.of(1), List.of(1), List.of(new NasConfig.Operation("conv",
                List.of(ParameterDef.range("x", ParameterKind.DOUBLE, "1", "2")))));
        assertThatThrownBy(() -> darts.validate(nas("darts", noStep, Settings.empty())))
                .hasMessageContaining("Step parameter should be > 0");
        var noList = new NasConfig(3, List.of(1), List.of(1), List.of(new NasConfig.Operation("conv",
                List.of(ParameterDef.choice("x", ParameterKind.CATEGORICAL)))));
        assertThatThrownBy(() -> darts.validate(nas("darts", noList, Settings.empty())))
                .hasMessageContaining("Missing List");
        assertThatThrownBy(() -> darts.validate(nas("darts", null, Settings.empty())))
                .hasMessageContaining("nas_config");
    }

    @Test
    void enas_answersArchitectureAndNnConfig_forEveryRequestedTrial() {
        var config = new NasConfig(4, List.of(32, 32, 3), List.of(10), List.of(CONV, POOL));
        var enas = new Enas();
        var exp = nas("enas", config, Settings.empty());
        enas.validate(exp);
        var first = enas.suggest(new SuggestionRequest(exp, List.of(), 2)).suggestions();
        List<TrialDef> trials = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            trials.add(new TrialDef("t" + i, first.get(i).assignments(), Map.of(), TrialState.SUCCEEDED, "", "",
                    Map.of(Fixtures.METRIC, "0." + (i + 5))));
        }

        var second = enas.suggest(new SuggestionRequest(exp, trials, 2)).suggestions();

        assertThat(second).hasSize(2).allSatisfy(s -> {
            assertThat(s.assignments()).containsOnlyKeys("architecture", "nn_config");
            var arc = Enas.parse(s.assignments().get("architecture"), 4, 6);
            assertThat(arc).hasSize(4);
            assertThat(s.assignments().get("nn_config")).startsWith(
                    "{'num_layers': 4, 'input_sizes': [32, 32, 3], 'output_sizes': [10], 'embedding': {")
                    .contains("'opt_type': ");
        });
        assertThat(first.get(0).assignments().get("architecture")).matches("\\[\\[\\d], \\[\\d, [01]], .*");
    }

    @Test
    void enas_embedsExpandedOperations_withUpstreamValueTypes() {
        var ops = dev.quarkflow.katib.suggestion.nas.NasOperations.expand(List.of(CONV, POOL));

        assertThat(ops).hasSize(6);
        assertThat(dev.quarkflow.katib.suggestion.nas.PyJson.dumps(ops.get(1).asDict())).isEqualTo(
                "{'opt_id': 1, 'opt_type': 'convolution', 'opt_params': {'filter_size': '3', 'num_filter': 48}}");
        assertThat(dev.quarkflow.katib.suggestion.nas.PyJson.dumps(ops.get(5).asDict())).isEqualTo(
                "{'opt_id': 5, 'opt_type': 'reduction', 'opt_params': {'reduction_type': 'max_pooling', "
                        + "'pool_size': 1.0}}");
    }

    @Test
    void enas_validatesGraphAndSettings_withUpstreamMessages() {
        var enas = new Enas();
        assertThatThrownBy(() -> enas.validate(nas("enas", new NasConfig(0, List.of(1), List.of(1), List.of(CONV)),
                Settings.empty()))).hasMessageContaining("Missing NumLayers in GraphConfig");
        assertThatThrownBy(() -> enas.validate(nas("enas", new NasConfig(2, List.of(), List.of(1), List.of(CONV)),
                Settings.empty()))).hasMessageContaining("Missing InputSizes in GraphConfig");
        var config = new NasConfig(2, List.of(1), List.of(1), List.of(CONV));
        assertThatThrownBy(() -> enas.validate(nas("enas", config, Settings.of("foo", "1"))))
                .hasMessageContaining("Unknown Algorithm Setting name: foo");
        assertThatThrownBy(() -> enas.validate(nas("enas", config, Settings.of("controller_baseline_decay", "1.5"))))
                .hasMessageContaining("must be in range (0.0, 1.0)");
        assertThatThrownBy(() -> enas.validate(nas("enas", config, Settings.of("controller_train_steps", "0"))))
                .hasMessageContaining("controller_train_steps");
        assertThatCode(() -> enas.validate(nas("enas", config, Settings.of("controller_temperature", "None",
                "controller_hidden_size", "32")))).doesNotThrowAnyException();
    }

    @Test
    void enasController_learnsToPreferTheRewardedOperation() {
        var controller = new dev.quarkflow.katib.suggestion.nas.EnasController(1, 3,
                new dev.quarkflow.katib.suggestion.nas.EnasController.Settings(5.0, 2.25, 1e-5, 0.9, 0.5, 0.4, 0.8,
                        50));
        var good = List.of(List.of(2));
        var bad = List.of(List.of(0));

        controller.train(List.of(good, bad, good, bad), List.of(1.0, 0.0, 1.0, 0.0));

        assertThat(controller.operationProbability(0, 2)).isGreaterThan(0.5);
    }
}

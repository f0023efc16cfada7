package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.NasConfig;
import dev.quarkflow.katib.suggestion.domain.Rngs;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;
import dev.quarkflow.katib.suggestion.nas.EnasController;
import dev.quarkflow.katib.suggestion.nas.NasOperations;
import dev.quarkflow.katib.suggestion.nas.PyJson;

/**
 * {@code enas}: needs {@code nas_config} (num_layers, input_sizes, output_sizes, operations); each operation is
 * expanded into every combination of its parameter values, one operation id each. Every suggestion carries
 * {@code architecture} (layer i: operation id, then i skip flags) and {@code nn_config} (num_layers, input_sizes,
 * output_sizes and the embedding of the chosen operations), in upstream's quoting. The controller is retrained
 * each call from the SUCCEEDED trials' architectures and objective values (negated when minimising), with
 * upstream's settings, defaults and validation (see {@link EnasController} for the difference in the policy).
 */
@ApplicationScoped
public class Enas implements SearchAlgorithm {

    static final String NAME = "enas";
    private static final Pattern LAYER = Pattern.compile("\\[([0-9,\\s]*)]");

    /** Upstream's settings: type, lower bound, upper bound (NaN = none), default. */
    private record Spec(boolean integer, double low, double high, double defaultValue) {
    }

    private static final Map<String, Spec> SETTINGS = new LinkedHashMap<>();
    private static final Set<String> NONE_ALLOWED = Set.of("controller_temperature", "controller_tanh_const",
            "controller_entropy_weight", "controller_skip_weight");

    static {
        SETTINGS.put("controller_hidden_size", new Spec(true, 1, Double.NaN, 64));
        SETTINGS.put("controller_temperature", new Spec(false, 0, Double.NaN, 5.0));
        SETTINGS.put("controller_tanh_const", new Spec(false, 0, Double.NaN, 2.25));
        SETTINGS.put("controller_entropy_weight", new Spec(false, 0, Double.NaN, 1e-5));
        SETTINGS.put("controller_baseline_decay", new Spec(false, 0, 1, 0.999));
        SETTINGS.put("controller_learning_rate", new Spec(false, 0, 1, 5e-5));
        SETTINGS.put("controller_skip_target", new Spec(false, 0, 1, 0.4));
        SETTINGS.put("controller_skip_weight", new Spec(false, 0, Double.NaN, 0.8));
        SETTINGS.put("controller_train_steps", new Spec(true, 1, Double.NaN, 50));
        SETTINGS.put("controller_log_every_steps", new Spec(true, 1, Double.NaN, 10));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(ExperimentDef experiment) {
        NasConfig nas = NasOperations.require(experiment);
        String graph = "experiment.spec.nas_config.graph_config";
        if (nas.inputSizes().isEmpty()) {
            throw QuarkflowException.invalidArgument(graph + ".input_sizes", "Missing InputSizes in GraphConfig");
        }
        if (nas.outputSizes().isEmpty()) {
            throw QuarkflowException.invalidArgument(graph + ".output_sizes", "Missing OutputSizes in GraphConfig");
        }
        if (nas.numLayers() <= 0) {
            throw QuarkflowException.invalidArgument(graph + ".num_layers", "Missing NumLayers in GraphConfig");
        }
        NasOperations.validate(nas.operations());
        experiment.settings().values().forEach(Enas::validateSetting);
    }

    private static void validateSetting(String name, String value) {
        Spec spec = SETTINGS.get(name);
        if (spec == null) {
            throw QuarkflowException.invalidArgument(Settings.field(name), "Unknown Algorithm Setting name: " + name);
        }
        if (NONE_ALLOWED.contains(name) && "None".equals(value)) {
            return;
        }
        double parsed;
        try {
            parsed = spec.integer() ? Integer.parseInt(value.trim()) : Double.parseDouble(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw QuarkflowException.invalidArgument(Settings.field(name), "Algorithm Setting " + name + " must be "
                    + (spec.integer() ? "int" : "float") + " type");
        }
        boolean ok = spec.integer() ? parsed >= spec.low()
                : parsed > spec.low() && (Double.isNaN(spec.high()) || parsed <= spec.high());
        if (!ok) {
            String range = spec.integer() ? "[" + (int) spec.low() + ", inf)"
                    : "(" + spec.low() + ", " + (Double.isNaN(spec.high()) ? "inf" : spec.high()) + ")";
            throw QuarkflowException.invalidArgument(Settings.field(name), "Algorithm Setting " + name + ": " + value
                    + " with " + (spec.integer() ? "int" : "float") + " type must be in range " + range);
        }
    }

    private static double setting(Settings settings, String name) {
        String value = settings.values().get(name);
        if ("None".equals(value)) {
            return Double.NaN;
        }
        return settings.doubleValue(name, SETTINGS.get(name).defaultValue());
    }

    @Override
    public SuggestionResult suggest(SuggestionRequest request) {
        ExperimentDef experiment = request.experiment();
        NasConfig nas = NasOperations.require(experiment);
        List<NasOperations.Choice> choices = NasOperations.expand(nas.operations());
        if (choices.isEmpty()) {
            throw QuarkflowException.invalidArgument("experiment.spec.nas_config.operations", "no operations");
        }
        Settings s = experiment.settings();
        EnasController controller = new EnasController(nas.numLayers(), choices.size(), new EnasController.Settings(
                setting(s, "controller_temperature"), setting(s, "controller_tanh_const"),
                setting(s, "controller_entropy_weight"), setting(s, "controller_baseline_decay"),
                setting(s, "controller_learning_rate"), setting(s, "controller_skip_target"),
                setting(s, "controller_skip_weight"), (int) setting(s, "controller_train_steps")));
        List<List<List<Integer>>> architectures = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        List<TrialDef> succeeded = request.trials().stream().filter(t -> t.state() == TrialState.SUCCEEDED)
                .sorted(Comparator.comparing(TrialDef::name)).toList();
        for (TrialDef t : succeeded) {
            var value = t.metric(experiment.objectiveMetric());
            var arc = parse(t.assignments().get("architecture"), nas.numLayers(), choices.size());
            if (value.isPresent() && arc != null) {
                architectures.add(arc);
                rewards.add(-experiment.goal().loss(value.getAsDouble()));
            }
        }
        controller.train(architectures, rewards);

        RandomGenerator rng = Rngs.forRequest(request, 11);
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            List<List<Integer>> arc = controller.sample(rng);
            Map<String, Object> embedding = new LinkedHashMap<>();
            for (List<Integer> layer : arc) {
                embedding.put(Integer.toString(layer.get(0)), choices.get(layer.get(0)).asDict());
            }
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("num_layers", nas.numLayers());
            config.put("input_sizes", nas.inputSizes());
            config.put("output_sizes", nas.outputSizes());
            config.put("embedding", embedding);
            Map<String, String> assignments = new LinkedHashMap<>();
            assignments.put("architecture", PyJson.dumps(arc));
            assignments.put("nn_config", PyJson.dumps(config));
            suggestions.add(Suggestion.of(assignments));
        }
        return SuggestionResult.of(suggestions);
    }

    /** An {@code architecture} assignment back into layers, or null when it does not fit this config. */
    static List<List<Integer>> parse(String text, int layers, int operations) {
        if (text == null) {
            return null;
        }
        String inner = text.trim();
        if (inner.length() < 2) {
            return null;
        }
        Matcher m = LAYER.matcher(inner.substring(1, inner.length() - 1));
        List<List<Integer>> arc = new ArrayList<>();
        while (m.find()) {
            List<Integer> layer = new ArrayList<>();
            for (String part : m.group(1).split(",")) {
                if (!part.isBlank()) {
                    layer.add(Integer.parseInt(part.trim()));
                }
            }
            if (layer.size() != arc.size() + 1 || layer.get(0) >= operations) {
                return null;
            }
            arc.add(layer);
        }
        return arc.size() == layers ? arc : null;
    }
}

package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.NasConfig;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;
import dev.quarkflow.katib.suggestion.nas.NasOperations;
import dev.quarkflow.katib.suggestion.nas.PyJson;

/**
 * {@code darts}: the search itself runs inside the DARTS trial; the service hands every trial the same three
 * assignments, as upstream: {@code algorithm-settings} (upstream's defaults overridden by the user's settings as
 * strings, "None" as null, unknown names passed through), {@code search-space} ({@code skip_connection}, or
 * {@code <operationType>_<k>x<k>} for each value k of an operation's first parameter) and {@code num-layers},
 * written as upstream's Python writes them (JSON with {@code '}).
 */
@ApplicationScoped
public class Darts implements SearchAlgorithm {

    static final String NAME = "darts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(ExperimentDef experiment) {
        NasConfig nas = NasOperations.require(experiment);
        NasOperations.validate(nas.operations());
        SettingRules.forAlgorithm(NAME).acceptUnknownNames()
                .intAtLeast("num_epochs", 1, "num_epochs should be greater than zero")
                .doubleAbove("w_lr", 0, true, "w_lr should be greater than or equal to zero")
                .doubleAbove("w_lr_min", 0, true, "w_lr_min should be greater than or equal to zero")
                .doubleAbove("alpha_lr", 0, true, "alpha_lr should be greater than or equal to zero")
                .doubleAbove("w_weight_decay", 0, true, "w_weight_decay should be greater than or equal to zero")
                .doubleAbove("alpha_weight_decay", 0, true,
                        "alpha_weight_decay should be greater than or equal to zero")
                .doubleAbove("w_momentum", 0, true, "w_momentum should be greater than or equal to zero")
                .doubleAbove("w_grad_clip", 0, true, "w_grad_clip should be greater than or equal to zero")
                .intAtLeast("num_workers", 0, "num_workers should be greater than or equal to zero")
                .intAtLeast("init_channels", 1, "init_channels should be greater than or equal to one")
                .intAtLeast("print_step", 1, "print_step should be greater than or equal to one")
                .intAtLeast("num_nodes", 1, "num_nodes should be greater than or equal to one")
                .intAtLeast("stem_multiplier", 1, "stem_multiplier should be greater than or equal to one")
                .validate(withoutNoneBatchSize(experiment));
    }

    private static dev.quarkflow.katib.suggestion.domain.Settings withoutNoneBatchSize(ExperimentDef experiment) {
        Map<String, String> values = new LinkedHashMap<>(experiment.settings().values());
        String batch = values.get("batch_size");
        if (batch != null && !batch.equals("None")) {
            SettingRules.forAlgorithm(NAME).intAtLeast("batch_size", 1,
                    "batch_size should be greater than or equal to one")
                    .validate(dev.quarkflow.katib.suggestion.domain.Settings.of("batch_size", batch));
        }
        values.remove("batch_size");
        return new dev.quarkflow.katib.suggestion.domain.Settings(values);
    }

    @Override
    public SuggestionResult suggest(SuggestionRequest request) {
        ExperimentDef experiment = request.experiment();
        NasConfig nas = NasOperations.require(experiment);
        Map<String, String> assignments = new LinkedHashMap<>();
        assignments.put("algorithm-settings", PyJson.dumps(settings(experiment)));
        assignments.put("search-space", PyJson.dumps(searchSpace(nas)));
        assignments.put("num-layers", Integer.toString(nas.numLayers()));
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            suggestions.add(Suggestion.of(assignments));
        }
        return SuggestionResult.of(suggestions);
    }

    static Map<String, Object> settings(ExperimentDef experiment) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("num_epochs", 50);
        settings.put("w_lr", 0.025);
        settings.put("w_lr_min", 0.001);
        settings.put("w_momentum", 0.9);
        settings.put("w_weight_decay", 3e-4);
        settings.put("w_grad_clip", 5.0);
        settings.put("alpha_lr", 3e-4);
        settings.put("alpha_weight_decay", 1e-3);
        settings.put("batch_size", 128);
        settings.put("num_workers", 4);
        settings.put("init_channels", 16);
        settings.put("print_step", 50);
        settings.put("num_nodes", 4);
        settings.put("stem_multiplier", 3);
        experiment.settings().values().forEach((k, v) -> settings.put(k, "None".equals(v) ? null : v));
        return settings;
    }

    static List<String> searchSpace(NasConfig nas) {
        List<String> space = new ArrayList<>();
        for (NasConfig.Operation op : nas.operations()) {
            if (op.operationType().equals("skip_connection")) {
                space.add(op.operationType());
            } else {
                for (String k : op.parameters().get(0).list()) {
                    space.add(op.operationType() + "_" + k + "x" + k);
                }
            }
        }
        return space;
    }
}

package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

import dev.quarkflow.katib.suggestion.domain.ChoiceDimension;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.History;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;

/**
 * {@code sobol}: the Sobol low-discrepancy sequence (Commons Math), one point per trial: the request's trials
 * (in any state) are the points already handed out, so the next ones continue the sequence. Choice parameters
 * take the cell their coordinate falls in. Accepts {@code random_state} like every goptuna algorithm; the
 * sequence itself is deterministic.
 */
@ApplicationScoped
public class SobolSearch extends HistoryBasedAlgorithm {

    static final String NAME = "sobol";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SettingRules rules() {
        return SettingRules.forAlgorithm(NAME).randomState();
    }

    @Override
    List<double[]> points(ExperimentDef experiment, SearchSpace space, History history, int count,
            RandomGenerator rng, SuggestionRequest request) {
        SobolSequenceGenerator sequence = new SobolSequenceGenerator(space.size());
        // The first Sobol point is the all-zero corner; start after it.
        sequence.skipTo(request.trials().size() + 1);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] unit = sequence.nextVector();
            for (int d = 0; d < unit.length; d++) {
                if (space.get(d) instanceof ChoiceDimension choice) {
                    unit[d] = Math.min(choice.size() - 1, Math.floor(unit[d] * choice.size()));
                }
            }
            points.add(unit);
        }
        return points;
    }
}

package dev.quarkflow.katib.suggestion.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the model-based algorithms learn from a request: finished trials (SUCCEEDED or EARLYSTOPPED with a
 * numeric objective, as upstream tells them) as points with a loss (the objective, negated when maximising),
 * and the points still being evaluated (CREATED/RUNNING). FAILED, KILLED, METRICSUNAVAILABLE and UNKNOWN trials
 * are left out, as are trials whose assignments do not fit the space.
 */
public record History(List<Observation> observations, List<double[]> pending) {

    public record Observation(String trialName, double[] point, double loss, TrialDef trial) {
    }

    public History {
        observations = List.copyOf(observations);
        pending = List.copyOf(pending);
    }

    public static History of(SuggestionRequest request, SearchSpace space) {
        ExperimentDef experiment = request.experiment();
        List<Observation> observations = new ArrayList<>();
        List<double[]> pending = new ArrayList<>();
        for (TrialDef trial : request.trials()) {
            var point = space.encode(trial.assignments());
            if (point.isEmpty()) {
                continue;
            }
            if (trial.state().pending()) {
                pending.add(point.get());
            } else if (trial.state().finished()) {
                OptionalDouble value = trial.metric(experiment.objectiveMetric());
                if (value.isPresent()) {
                    observations.add(new Observation(trial.name(), point.get(),
                            experiment.goal().loss(value.getAsDouble()), trial));
                }
            }
        }
        return new History(observations, pending);
    }

    /** Observations in the order trials finished (completion time, then start time, then name). */
    public List<Observation> inCompletionOrder() {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparing((Observation o) -> o.trial().completionTime())
                .thenComparing(o -> o.trial().startTime()).thenComparing(Observation::trialName));
        return sorted;
    }

    public double bestLoss() {
        return observations.stream().mapToDouble(Observation::loss).min().orElse(Double.NaN);
    }
}

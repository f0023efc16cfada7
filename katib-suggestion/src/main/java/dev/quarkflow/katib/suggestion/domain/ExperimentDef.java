package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

/**
 * The experiment part of a request: search space, objective, algorithm settings and counts.
 *
 * @param nas the NAS config, or {@code null} when the experiment has none
 */
public record ExperimentDef(String name, List<ParameterDef> parameters, Goal goal, String objectiveMetric,
        String algorithmName, Settings settings, int parallelTrialCount, int maxTrialCount, NasConfig nas) {

    public ExperimentDef {
        parameters = List.copyOf(parameters);
    }

    public ExperimentDef withSettings(Settings newSettings) {
        return new ExperimentDef(name, parameters, goal, objectiveMetric, algorithmName, newSettings,
                parallelTrialCount, maxTrialCount, nas);
    }
}

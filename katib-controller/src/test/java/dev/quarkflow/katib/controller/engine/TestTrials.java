package dev.quarkflow.katib.controller.engine;

import java.util.List;

import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.metrics.ObservationCalculator;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Trial;

/** Trials in a given state for status tests. */
final class TestTrials {

    private TestTrials() {
    }

    static Trial created(Experiment experiment, String name) {
        Trial trial = new Trial();
        trial.metadata.name = name;
        trial.spec.objective = experiment.spec.objective;
        trial.spec.parameterAssignments = List.of(new ParameterAssignment("lr", name));
        TrialStates.markCreated(trial, "t0");
        return trial;
    }

    static Trial running(Experiment experiment, String name) {
        Trial trial = created(experiment, name);
        TrialStates.apply(trial, JobStatus.running(), "t1");
        return trial;
    }

    static Trial succeeded(Experiment experiment, String name, String loss) {
        Trial trial = running(experiment, name);
        trial.status.observation = ObservationCalculator.observe(
                List.of(new MetricLog(MetricLog.ZERO_TIME, "loss", loss)),
                experiment.spec.objective.metricStrategies);
        TrialStates.apply(trial, new JobStatus(JobStatus.Condition.SUCCEEDED, null, null), "t2");
        return trial;
    }

    static Trial failed(Experiment experiment, String name) {
        Trial trial = running(experiment, name);
        TrialStates.apply(trial, new JobStatus(JobStatus.Condition.FAILED, "Error", "exit code 1"), "t2");
        return trial;
    }
}

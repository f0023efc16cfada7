package dev.quarkflow.katib.controller.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quarkflow.katib.controller.metrics.ObservationCalculator;
import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import dev.quarkflow.katib.controller.model.ObjectiveSpec;
import dev.quarkflow.katib.controller.model.Observation;
import dev.quarkflow.katib.controller.model.Trial;

/**
 * Experiment status from its trials, as upstream's experiment controller computes it (facts §6.4): trial buckets and
 * counts, the current optimal trial, then the condition — goal reached, too many failures, max trials, else running.
 */
public final class ExperimentStatusCalculator {

    private ExperimentStatusCalculator() {
    }

    public static boolean isCreated(Experiment experiment) {
        return Conditions.isTrue(experiment.status().mutableConditions(), KatibNames.CREATED);
    }

    public static boolean isSucceeded(Experiment experiment) {
        return Conditions.isTrue(experiment.status().mutableConditions(), KatibNames.SUCCEEDED);
    }

    public static boolean isFailed(Experiment experiment) {
        return Conditions.isTrue(experiment.status().mutableConditions(), KatibNames.FAILED);
    }

    public static boolean isCompleted(Experiment experiment) {
        return isSucceeded(experiment) || isFailed(experiment);
    }

    /** Succeeded by max trials with resumePolicy LongRunning or FromVolume: raising maxTrialCount restarts it. */
    public static boolean isRestartable(Experiment experiment) {
        Optional<Condition> succeeded = Conditions.find(experiment.status().mutableConditions(), KatibNames.SUCCEEDED);
        return succeeded.map(c -> c.isTrue() && KatibNames.EXPERIMENT_MAX_TRIALS_REACHED_REASON.equals(c.reason))
                .orElse(false)
                && (KatibNames.RESUME_LONG_RUNNING.equals(experiment.spec.resumePolicy)
                        || KatibNames.RESUME_FROM_VOLUME.equals(experiment.spec.resumePolicy));
    }

    /**
     * Whether a completed experiment restarts. Upstream also restarts any completed experiment without maxTrialCount
     * that has trials (operator precedence in its controller), which would loop a goal-reached experiment forever; we
     * require restartability in both cases.
     */
    public static boolean shouldRestart(Experiment experiment) {
        Integer max = experiment.spec.maxTrialCount;
        return isCompleted(experiment) && isRestartable(experiment)
                && (max == null ? experiment.status().trials != 0 : max > experiment.status().trials);
    }

    public static void markCreated(Experiment experiment, String now) {
        ExperimentStatus status = experiment.status();
        if (status.startTime == null) {
            status.startTime = now;
        }
        Conditions.set(status.mutableConditions(), KatibNames.CREATED, Condition.TRUE,
                KatibNames.EXPERIMENT_CREATED_REASON, "Experiment is created", now);
    }

    public static void markRestarting(Experiment experiment, String now) {
        List<Condition> conditions = experiment.status().mutableConditions();
        Conditions.remove(conditions, KatibNames.SUCCEEDED);
        Conditions.remove(conditions, KatibNames.FAILED);
        Conditions.set(conditions, KatibNames.RESTARTING, Condition.TRUE, KatibNames.EXPERIMENT_RESTARTING_REASON,
                "Experiment is restarted", now);
        experiment.status().completionTime = null;
    }

    public static void markFailed(Experiment experiment, String message, String now) {
        List<Condition> conditions = experiment.status().mutableConditions();
        Conditions.stopRunning(conditions, KatibNames.RUNNING, now);
        Conditions.set(conditions, KatibNames.FAILED, Condition.TRUE, KatibNames.EXPERIMENT_FAILED_REASON, message,
                now);
        experiment.status().completionTime = now;
    }

    private static void markSucceeded(Experiment experiment, String reason, String message, String now) {
        List<Condition> conditions = experiment.status().mutableConditions();
        Conditions.stopRunning(conditions, KatibNames.RUNNING, now);
        Conditions.set(conditions, KatibNames.SUCCEEDED, Condition.TRUE, reason, message, now);
        experiment.status().completionTime = now;
    }

    /** Recomputes the trial summary and, unless the experiment is already complete, its condition. */
    public static void update(Experiment experiment, List<Trial> trials, String now) {
        boolean goalReached = summarize(experiment, trials);
        if (!isCompleted(experiment)) {
            updateCondition(experiment, goalReached, now);
        }
    }

    private static boolean summarize(Experiment experiment, List<Trial> trials) {
        ExperimentStatus status = experiment.status();
        List<String> running = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> succeeded = new ArrayList<>();
        List<String> killed = new ArrayList<>();
        List<String> earlyStopped = new ArrayList<>();
        List<String> metricsUnavailable = new ArrayList<>();
        ObjectiveSpec objective = experiment.spec.objective;
        Double goal = objective.goal;
        boolean minimize = ObjectiveSpec.MINIMIZE.equals(objective.type);
        boolean maximize = ObjectiveSpec.MAXIMIZE.equals(objective.type);
        Trial best = null;
        double bestValue = 0;
        boolean goalReached = false;
        for (Trial trial : trials) {
            if (TrialStates.isKilled(trial)) {
                killed.add(trial.name());
            } else if (TrialStates.isFailed(trial)) {
                failed.add(trial.name());
            } else if (TrialStates.isSucceeded(trial)) {
                succeeded.add(trial.name());
            } else if (TrialStates.isEarlyStopped(trial)) {
                earlyStopped.add(trial.name());
            } else if (TrialStates.isRunning(trial)) {
                running.add(trial.name());
            } else if (TrialStates.isMetricsUnavailable(trial)) {
                metricsUnavailable.add(trial.name());
            } else {
                pending.add(trial.name());
            }
            String value = ObservationCalculator.objectiveValue(trial.status.observation, trial.spec.objective);
            if (Observation.UNAVAILABLE.equals(value)) {
                continue;
            }
            Optional<Double> number = ObservationCalculator.parse(value);
            if (number.isEmpty()) {
                // upstream: a non-numeric objective makes that trial the best one
                best = trial;
                continue;
            }
            if (best == null) {
                best = trial;
                bestValue = number.get();
            }
            if (minimize) {
                if (number.get() < bestValue) {
                    best = trial;
                    bestValue = number.get();
                }
                goalReached |= goal != null && bestValue <= goal;
            } else if (maximize) {
                if (number.get() > bestValue) {
                    best = trial;
                    bestValue = number.get();
                }
                goalReached |= goal != null && bestValue >= goal;
            }
        }
        status.trials = trials.size();
        status.runningTrialList = orNull(running);
        status.pendingTrialList = orNull(pending);
        status.failedTrialList = orNull(failed);
        status.succeededTrialList = orNull(succeeded);
        status.killedTrialList = orNull(killed);
        status.earlyStoppedTrialList = orNull(earlyStopped);
        status.metricsUnavailableTrialList = orNull(metricsUnavailable);
        status.trialsRunning = running.size();
        status.trialsPending = pending.size();
        status.trialsSucceeded = succeeded.size();
        status.trialsFailed = failed.size();
        status.trialsKilled = killed.size();
        status.trialsEarlyStopped = earlyStopped.size();
        status.trialMetricsUnavailable = metricsUnavailable.size();
        if (best != null) {
            ExperimentStatus.OptimalTrial optimal = new ExperimentStatus.OptimalTrial();
            optimal.bestTrialName = best.name();
            optimal.parameterAssignments = best.spec.parameterAssignments == null ? List.of()
                    : new ArrayList<>(best.spec.parameterAssignments);
            optimal.observation.metrics = best.status.observation == null || best.status.observation.metrics == null
                    ? List.of()
                    : new ArrayList<>(best.status.observation.metrics);
            status.currentOptimalTrial = optimal;
        } else if (status.currentOptimalTrial == null) {
            status.currentOptimalTrial = new ExperimentStatus.OptimalTrial();
        }
        return goalReached;
    }

    private static void updateCondition(Experiment experiment, boolean goalReached, String now) {
        ExperimentStatus status = experiment.status();
        int completed = status.trialsSucceeded + status.trialsFailed + status.trialsKilled
                + status.trialsEarlyStopped + status.trialMetricsUnavailable;
        int failed = status.trialsFailed + status.trialMetricsUnavailable;
        Integer maxFailed = experiment.spec.maxFailedTrialCount;
        Integer max = experiment.spec.maxTrialCount;
        if (goalReached) {
            markSucceeded(experiment, KatibNames.EXPERIMENT_GOAL_REACHED_REASON,
                    "Experiment has succeeded because Objective goal has reached", now);
        } else if (maxFailed != null && failed != 0 && failed >= maxFailed) {
            markFailed(experiment, "Experiment has failed because max failed count has reached", now);
        } else if (max != null && completed >= max) {
            markSucceeded(experiment, KatibNames.EXPERIMENT_MAX_TRIALS_REACHED_REASON,
                    "Experiment has succeeded because max trial count has reached", now);
        } else {
            Conditions.set(status.mutableConditions(), KatibNames.RUNNING, Condition.TRUE,
                    KatibNames.EXPERIMENT_RUNNING_REASON, "Experiment is running", now);
        }
    }

    private static List<String> orNull(List<String> names) {
        return names.isEmpty() ? null : names;
    }
}

package dev.quarkflow.katib.controller.engine;

import java.util.List;

import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.Observation;
import dev.quarkflow.katib.controller.model.Trial;

/** Upstream's Trial condition predicates and transitions (facts §6.7). */
public final class TrialStates {

    private TrialStates() {
    }

    private static List<Condition> conditions(Trial trial) {
        return trial.status.mutableConditions();
    }

    public static boolean isKilled(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.KILLED);
    }

    public static boolean isFailed(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.FAILED);
    }

    public static boolean isSucceeded(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.SUCCEEDED);
    }

    public static boolean isEarlyStopped(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.EARLY_STOPPED);
    }

    public static boolean isRunning(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.RUNNING);
    }

    public static boolean isMetricsUnavailable(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.METRICS_UNAVAILABLE);
    }

    public static boolean isCreated(Trial trial) {
        return Conditions.isTrue(conditions(trial), KatibNames.CREATED);
    }

    public static boolean isCompleted(Trial trial) {
        return isSucceeded(trial) || isFailed(trial) || isKilled(trial) || isEarlyStopped(trial)
                || isMetricsUnavailable(trial);
    }

    public static boolean isObservationAvailable(Trial trial) {
        if (trial.spec.objective == null || trial.status.observation == null) {
            return false;
        }
        return trial.status.observation.metric(trial.spec.objective.objectiveMetricName)
                .map(metric -> !Observation.UNAVAILABLE.equals(metric.latest)).orElse(false);
    }

    /** The condition type a suggestion service is told: the type of the last condition in the list. */
    public static String lastConditionType(Trial trial) {
        List<Condition> conditions = conditions(trial);
        return conditions.isEmpty() ? null : conditions.get(conditions.size() - 1).type;
    }

    public static void markCreated(Trial trial, String now) {
        Conditions.set(conditions(trial), KatibNames.CREATED, Condition.TRUE, KatibNames.TRIAL_CREATED_REASON,
                "Trial is created", now);
        if (trial.status.startTime == null) {
            trial.status.startTime = now;
        }
    }

    public static void markRunning(Trial trial, String now) {
        Conditions.set(conditions(trial), KatibNames.RUNNING, Condition.TRUE, KatibNames.TRIAL_RUNNING_REASON,
                "Trial is running", now);
    }

    public static void markEarlyStopped(Trial trial, String now) {
        Conditions.stopRunning(conditions(trial), KatibNames.RUNNING, now);
        Conditions.set(conditions(trial), KatibNames.EARLY_STOPPED, Condition.TRUE,
                KatibNames.TRIAL_EARLY_STOPPED_REASON, "Trial is early stopped", now);
        trial.status.completionTime = now;
    }

    /**
     * Applies the workload's state, as upstream's trial controller does: on success the trial Succeeds when its
     * objective was observed, else becomes MetricsUnavailable; failure makes it Failed; a live workload Running. The
     * observation must be set before a success is applied. Early-stopped trials keep their condition.
     */
    public static void apply(Trial trial, JobStatus job, String now) {
        List<Condition> conditions = conditions(trial);
        switch (job.condition()) {
            case SUCCEEDED -> {
                if (isObservationAvailable(trial) && !isSucceeded(trial)) {
                    if (!isEarlyStopped(trial)) {
                        Conditions.stopRunning(conditions, KatibNames.RUNNING, now);
                        Conditions.set(conditions, KatibNames.SUCCEEDED, Condition.TRUE,
                                withJobReason(KatibNames.TRIAL_SUCCEEDED_REASON, job),
                                withJobMessage("Trial has succeeded", job), now);
                        trial.status.completionTime = now;
                    }
                } else if (!isObservationAvailable(trial) && !isMetricsUnavailable(trial)) {
                    Conditions.stopRunning(conditions, KatibNames.RUNNING, now);
                    Conditions.set(conditions, KatibNames.METRICS_UNAVAILABLE, Condition.TRUE,
                            withJobReason(KatibNames.TRIAL_METRICS_UNAVAILABLE_REASON, job),
                            withJobMessage("Metrics are not available", job), now);
                    trial.status.completionTime = now;
                }
            }
            case FAILED -> {
                if (!isFailed(trial) && !isEarlyStopped(trial)) {
                    Conditions.stopRunning(conditions, KatibNames.RUNNING, now);
                    Conditions.set(conditions, KatibNames.FAILED, Condition.TRUE,
                            withJobReason(KatibNames.TRIAL_FAILED_REASON, job),
                            withJobMessage("Trial has failed", job), now);
                    trial.status.completionTime = now;
                }
            }
            case RUNNING -> {
                if (!isRunning(trial) && !isEarlyStopped(trial)) {
                    markRunning(trial, now);
                }
            }
        }
    }

    private static String withJobReason(String reason, JobStatus job) {
        return job.reason() == null || job.reason().isEmpty() ? reason : reason + ". Job reason: " + job.reason();
    }

    private static String withJobMessage(String message, JobStatus job) {
        return job.message() == null || job.message().isEmpty() ? message
                : message + ". Job message: " + job.message();
    }
}

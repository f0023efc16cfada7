package dev.quarkflow.katib.controller.engine;

import java.util.List;

import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.Suggestion;

/** Upstream's Suggestion conditions (facts §6.6): Created, DeploymentReady, Running, Succeeded, Failed. */
public final class SuggestionStates {

    private SuggestionStates() {
    }

    private static List<Condition> conditions(Suggestion suggestion) {
        return suggestion.status.mutableConditions();
    }

    public static boolean isRunning(Suggestion suggestion) {
        return Conditions.isTrue(conditions(suggestion), KatibNames.RUNNING);
    }

    public static boolean isSucceeded(Suggestion suggestion) {
        return Conditions.isTrue(conditions(suggestion), KatibNames.SUCCEEDED);
    }

    public static boolean isFailed(Suggestion suggestion) {
        return Conditions.isTrue(conditions(suggestion), KatibNames.FAILED);
    }

    /** Settings were validated: the suggestion is created and running. */
    public static void markRunning(Suggestion suggestion, String now) {
        if (Conditions.find(conditions(suggestion), KatibNames.CREATED).isEmpty()) {
            Conditions.set(conditions(suggestion), KatibNames.CREATED, Condition.TRUE,
                    KatibNames.SUGGESTION_CREATED_REASON, "Suggestion is created", now);
        }
        Conditions.set(conditions(suggestion), KatibNames.RUNNING, Condition.TRUE,
                KatibNames.SUGGESTION_RUNNING_REASON, "Suggestion is running", now);
        if (suggestion.status.startTime == null) {
            suggestion.status.startTime = now;
        }
    }

    public static void markDeploymentReady(Suggestion suggestion, boolean ready, String now) {
        Conditions.set(conditions(suggestion), KatibNames.DEPLOYMENT_READY, ready ? Condition.TRUE : Condition.FALSE,
                ready ? KatibNames.SUGGESTION_DEPLOYMENT_READY_REASON
                        : KatibNames.SUGGESTION_DEPLOYMENT_NOT_READY_REASON,
                ready ? "Deployment is ready" : "Deployment is not ready", now);
    }

    public static void markFailed(Suggestion suggestion, String message, String now) {
        Conditions.stopRunning(conditions(suggestion), KatibNames.RUNNING, now);
        Conditions.set(conditions(suggestion), KatibNames.FAILED, Condition.TRUE, KatibNames.SUGGESTION_FAILED_REASON,
                message, now);
        suggestion.status.completionTime = now;
    }

    /** The experiment completed and cannot (resumePolicy Never) or need not keep its suggestion service. */
    public static void markSucceeded(Suggestion suggestion, String message, String now) {
        Conditions.stopRunning(conditions(suggestion), KatibNames.RUNNING, now);
        Conditions.set(conditions(suggestion), KatibNames.SUCCEEDED, Condition.TRUE,
                KatibNames.SUGGESTION_SUCCEEDED_REASON, message, now);
        suggestion.status.completionTime = now;
    }

    /** A completed experiment restarts: Running=False with upstream's restart reason; validated again before use. */
    public static void markRestarting(Suggestion suggestion, String now) {
        Conditions.remove(conditions(suggestion), KatibNames.SUCCEEDED);
        Conditions.set(conditions(suggestion), KatibNames.RUNNING, Condition.FALSE,
                KatibNames.SUGGESTION_RESTARTING_REASON, "Suggestion is not running", now);
        suggestion.status.completionTime = null;
    }
}

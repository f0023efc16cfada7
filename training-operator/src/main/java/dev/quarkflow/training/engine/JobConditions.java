package dev.quarkflow.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.JobStatus;

/**
 * Upstream's condition bookkeeping on a status: frozen once Failed, no-op for an unchanged status and reason,
 * Running and Restarting exclude each other, Succeeded/Failed flip Running to False, the changed condition is
 * appended last so that {@code conditions[-1]} is the latest state.
 */
public final class JobConditions {

    private JobConditions() {
    }

    public static void set(JobStatus status, String type, String conditionStatus, String reason, String message, String now) {
        if (isTrue(status, Conditions.FAILED)) {
            return;
        }
        var condition = new JobCondition(type, conditionStatus, reason, message, now);
        Optional<JobCondition> current = find(status, type);
        if (current.isPresent() && Objects.equals(current.get().getStatus(), conditionStatus)
                && Objects.equals(current.get().getReason(), reason)) {
            return;
        }
        if (current.isPresent() && Objects.equals(current.get().getStatus(), conditionStatus)) {
            condition.setLastTransitionTime(current.get().getLastTransitionTime());
        }
        List<JobCondition> kept = new ArrayList<>();
        for (JobCondition existing : conditions(status)) {
            if (excludes(type, existing.getType())) {
                continue;
            }
            if ((type.equals(Conditions.FAILED) || type.equals(Conditions.SUCCEEDED))
                    && Conditions.RUNNING.equals(existing.getType())) {
                existing.setStatus(Conditions.FALSE);
            }
            kept.add(existing);
        }
        kept.add(condition);
        status.setConditions(kept);
    }

    public static boolean isTrue(JobStatus status, String type) {
        return find(status, type).map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false);
    }

    public static boolean isFinished(JobStatus status) {
        return isTrue(status, Conditions.SUCCEEDED) || isTrue(status, Conditions.FAILED);
    }

    public static Optional<JobCondition> find(JobStatus status, String type) {
        return conditions(status).stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static List<JobCondition> conditions(JobStatus status) {
        return status.getConditions() == null ? List.of() : status.getConditions();
    }

    private static boolean excludes(String newType, String existingType) {
        return newType.equals(existingType)
                || (newType.equals(Conditions.RESTARTING) && existingType.equals(Conditions.RUNNING))
                || (newType.equals(Conditions.RUNNING) && existingType.equals(Conditions.RESTARTING));
    }
}

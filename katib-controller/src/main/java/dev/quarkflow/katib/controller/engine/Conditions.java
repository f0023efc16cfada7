package dev.quarkflow.katib.controller.engine;

import java.util.List;
import java.util.Optional;

import dev.quarkflow.katib.controller.model.Condition;

/**
 * Katib's condition bookkeeping, shared by Experiment and Trial: setting a condition replaces the old entry of that type
 * and appends the new one (so list order is order of last change); nothing happens when status and reason are
 * unchanged; {@code lastTransitionTime} is kept while the status stays the same.
 */
public final class Conditions {

    private Conditions() {
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type)).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(Condition::isTrue).orElse(false);
    }

    public static void set(List<Condition> conditions, String type, String status, String reason, String message,
            String now) {
        Condition fresh = new Condition(type, status, reason, message, now);
        Optional<Condition> current = find(conditions, type);
        if (current.isPresent() && status.equals(current.get().status) && reason.equals(current.get().reason)) {
            return;
        }
        if (current.isPresent() && status.equals(current.get().status)) {
            fresh.lastTransitionTime = current.get().lastTransitionTime;
        }
        remove(conditions, type);
        conditions.add(fresh);
    }

    public static void remove(List<Condition> conditions, String type) {
        conditions.removeIf(c -> type.equals(c.type));
    }

    /** Flips an existing Running condition to False (keeping its reason), as upstream does before a terminal one. */
    public static void stopRunning(List<Condition> conditions, String runningType, String now) {
        find(conditions, runningType).ifPresent(running -> set(conditions, runningType, Condition.FALSE,
                running.reason, running.message, now));
    }
}

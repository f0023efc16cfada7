package dev.quarkflow.apiserver.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a recurring run fires next, upstream's ScheduledWorkflow rules as a pure function. Cron: the first cron
 * time after the last slot, or after {@code max(start_time, creation)} before the first. Periodic: one interval
 * after {@code start_time} (or creation), then one interval after the last slot. Nothing after {@code end_time}.
 * With catch-up (the default) missed slots fire one by one, oldest first; with {@code no_catchup} only the latest
 * missed slot fires.
 *
 * @param cron the cron schedule, or empty for a periodic trigger
 * @param interval the periodic interval (ignored for cron)
 */
public record RecurringSchedule(Optional<Schedule> cron, Duration interval, Instant created, Optional<Instant> start,
        Optional<Instant> end, boolean noCatchup) {

    /** Beyond this many cron slots, catching up stops looking for a later one (a per-second cron over years). */
    static final int MAX_SLOTS_SCANNED = 100_000;

    /** The slot to fire now, if one is due at {@code now}, given the last fired slot. */
    public Optional<Instant> due(Optional<Instant> lastSlot, Instant now) {
        Optional<Instant> next = next(lastSlot);
        if (next.isEmpty() || next.get().isAfter(now) || beyondEnd(next.get())) {
            return Optional.empty();
        }
        if (!noCatchup) {
            return next;
        }
        Instant limit = end.filter(e -> e.isBefore(now)).orElse(now);
        return Optional.of(latestUpTo(next.get(), limit));
    }

    private Optional<Instant> next(Optional<Instant> lastSlot) {
        if (cron.isPresent()) {
            Instant after = lastSlot.orElseGet(() -> start.filter(s -> s.isAfter(created)).orElse(created));
            return cron.get().nextAfter(after);
        }
        return Optional.of(lastSlot.orElseGet(() -> start.orElse(created)).plus(interval));
    }

    private Instant latestUpTo(Instant first, Instant limit) {
        if (cron.isEmpty()) {
            long steps = Duration.between(first, limit).getSeconds() / interval.getSeconds();
            return first.plus(interval.multipliedBy(steps));
        }
        Instant latest = first;
        for (int i = 0; i < MAX_SLOTS_SCANNED; i++) {
            Optional<Instant> following = cron.get().nextAfter(latest);
            if (following.isEmpty() || following.get().isAfter(limit)) {
                break;
            }
            latest = following.get();
        }
        return latest;
    }

    private boolean beyondEnd(Instant slot) {
        return end.isPresent() && slot.isAfter(end.get());
    }
}

package dev.quarkflow.apiserver.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.quarkflow.pipelineengine.domain.TaskState;

/**
 * When a task was first seen, started and ended, and every state it went through: what the engine's snapshots do
 * not carry but upstream's {@code PipelineTaskDetail} reports.
 */
record TaskTimeline(Instant created, Instant started, Instant ended, List<Change> changes) {

    record Change(Instant at, TaskState state) {
    }

    TaskTimeline {
        changes = List.copyOf(changes);
    }

    static TaskTimeline first(Instant now, TaskState state) {
        return new TaskTimeline(now, null, null, List.of()).next(now, state);
    }

    /** This timeline after the task was seen in {@code state} at {@code now}; itself when nothing changed. */
    TaskTimeline next(Instant now, TaskState state) {
        if (!changes.isEmpty() && changes.get(changes.size() - 1).state() == state) {
            return this;
        }
        List<Change> more = new ArrayList<>(changes);
        more.add(new Change(now, state));
        Instant start = started == null && state != TaskState.PENDING ? now : started;
        Instant end = ended == null && state.isTerminal() ? now : ended;
        return new TaskTimeline(created, start, end, more);
    }
}

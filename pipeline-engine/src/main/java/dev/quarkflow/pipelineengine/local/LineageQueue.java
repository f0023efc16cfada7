package dev.quarkflow.pipelineengine.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskKind;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.domain.TaskState;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;

/**
 * One run's lineage, handed to the {@link LineageRecorder} in order on a shared pool, so that the scheduler thread
 * never waits for ML Metadata. The scheduler adds calls and {@link #flush()}es them after each piece of work; a
 * container or importer snapshot still waiting replaces the earlier one of the same task (the recorder then
 * writes the task once, e.g. a cache hit), except a CANCELED one, which the recorder reads differently for a task it
 * never saw start.
 * <p>
 * A container or importer that just started is held back for up to {@link #START_HOLD} before its start is written
 * (the calls behind it wait, so the order stays): a task that ends within that time is then written once, with
 * one {@code PutExecution} instead of two. The graph MLMD ends up with is the same; a short task's execution just
 * appears already ended, as a cache hit's does.
 */
final class LineageQueue {

    private static final Logger LOG = Logger.getLogger(LineageQueue.class);
    /** How long a task's start waits for its end before it is written on its own. */
    static final Duration START_HOLD = Duration.ofMillis(250);

    private static final class Call {
        final String taskId;
        Runnable work;
        /** {@link System#nanoTime()} before which the call is not written (a start); 0: write at once. */
        long holdUntil;

        Call(String taskId, Runnable work, long holdUntil) {
            this.taskId = taskId;
            this.work = work;
            this.holdUntil = holdUntil;
        }
    }

    private final String runId;
    private final LineageRecorder recorder;
    private final Executor pool;
    private final long holdNanos;
    private final CompletableFuture<Void> recorded = new CompletableFuture<>();
    // Scheduler thread only.
    private final List<Call> batch = new ArrayList<>();
    // Guarded by this.
    private final Deque<Call> waiting = new ArrayDeque<>();
    private final Map<String, Call> replaceable = new HashMap<>();
    private boolean draining;
    private boolean ended;

    LineageQueue(String runId, LineageRecorder recorder, Executor pool) {
        this(runId, recorder, pool, START_HOLD);
    }

    /** With another hold for starts (zero: written at once). */
    LineageQueue(String runId, LineageRecorder recorder, Executor pool, Duration startHold) {
        this.runId = runId;
        this.recorder = recorder;
        this.pool = pool;
        this.holdNanos = recorder == LineageRecorder.NONE ? 0 : startHold.toNanos();
    }

    void runStarted(LineageRecorder.RunInfo run) {
        batch.add(new Call(null, () -> recorder.runStarted(run), 0));
    }

    void taskChanged(TaskSnapshot task, String cacheFingerprint) {
        boolean leaf = task.kind() == TaskKind.CONTAINER || task.kind() == TaskKind.IMPORTER;
        boolean started = leaf && task.state() == TaskState.RUNNING && holdNanos > 0;
        batch.add(new Call(leaf && task.state() != TaskState.CANCELED ? task.taskId() : null,
                () -> recorder.taskChanged(runId, task, cacheFingerprint),
                started ? Math.max(1, System.nanoTime() + holdNanos) : 0));
    }

    void runFinished(RunState state) {
        batch.add(new Call(null, () -> {
            try {
                recorder.runFinished(runId, state);
            } finally {
                synchronized (this) {
                    ended = true;
                }
            }
        }, 0));
    }

    /** Hands the calls added since the last flush to the pool. Scheduler thread. */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        boolean start;
        synchronized (this) {
            for (Call call : batch) {
                Call earlier = call.taskId == null ? null : replaceable.get(call.taskId);
                if (earlier != null) {
                    earlier.work = call.work;
                    earlier.holdUntil = call.holdUntil;
                    notifyAll(); // a held start may have become its task's end
                } else {
                    waiting.addLast(call);
                    if (call.taskId != null) {
                        replaceable.put(call.taskId, call);
                    }
                }
            }
            start = !draining;
            draining = true;
        }
        batch.clear();
        if (start) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        boolean holding = true;
        while (true) {
            Call next;
            synchronized (this) {
                next = waiting.peekFirst();
                if (next == null) {
                    draining = false;
                    if (ended) {
                        recorded.complete(null);
                    }
                    return;
                }
                long wait = next.holdUntil == 0 ? 0 : next.holdUntil - System.nanoTime();
                if (holding && wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, wait);
                    } catch (InterruptedException e) {
                        // the engine closes: write what is left without holding
                        Thread.currentThread().interrupt();
                        holding = false;
                    }
                    continue;
                }
                waiting.pollFirst();
                if (next.taskId != null) {
                    replaceable.remove(next.taskId, next);
                }
            }
            try {
                next.work.run();
            } catch (RuntimeException e) {
                // lineage is an integration: the run goes on, its lineage is incomplete (as the log says)
                LOG.errorf(e, "lineage failed run=%s", runId);
            }
        }
    }

    /** Completes once the run ended and the recorder has been through every call. */
    CompletableFuture<Void> recorded() {
        return recorded;
    }
}

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
 * A task's first start is held back (the calls behind it wait, so the order stays): a container's until its process
 * started — upstream's driver creates the execution when the pod is created, not while the task waits for a slot —
 * and then, like an importer's, for up to {@link #START_HOLD} more. A task that ends meanwhile is written once,
 * with one {@code PutExecution} instead of two. The graph MLMD ends up with is the same; a short task's execution
 * just appears already ended, as a cache hit's does. A cancel, the run's end or the engine's close releases every
 * hold; retries are not held.
 */
final class LineageQueue {

    private static final Logger LOG = Logger.getLogger(LineageQueue.class);
    /** How long a task's start waits for its end, once its process runs, before it is written on its own. */
    static final Duration START_HOLD = Duration.ofSeconds(1);

    private static final class Call {
        /** The task a replaceable call writes ({@code null}: never replaced). */
        final String taskId;
        Runnable work;
        /** Not written before {@link #holdUntil}, or before the task's process started. */
        boolean held;
        boolean untilProcessStarts;
        long holdUntil;

        Call(String taskId, Runnable work) {
            this.taskId = taskId;
            this.work = work;
        }

        void holdFor(long nanos) {
            held = true;
            untilProcessStarts = false;
            holdUntil = System.nanoTime() + nanos;
        }

        void release() {
            held = false;
            untilProcessStarts = false;
        }
    }

    /** A note for {@link #flush()} rather than a call: a task's process started, or a task's holds end. */
    private record Note(String taskId, boolean processStarted) {
    }

    private final String runId;
    private final LineageRecorder recorder;
    private final Executor pool;
    private final long holdNanos;
    private final CompletableFuture<Void> recorded = new CompletableFuture<>();
    // Scheduler thread only.
    private final List<Object> batch = new ArrayList<>();
    // Guarded by this.
    private final Deque<Call> waiting = new ArrayDeque<>();
    private final Map<String, Call> replaceable = new HashMap<>();
    private boolean draining;
    private boolean ended;

    LineageQueue(String runId, LineageRecorder recorder, Executor pool) {
        this(runId, recorder, pool, START_HOLD);
    }

    /** With another hold for starts (zero: starts are written at once). */
    LineageQueue(String runId, LineageRecorder recorder, Executor pool, Duration startHold) {
        this.runId = runId;
        this.recorder = recorder;
        this.pool = pool;
        this.holdNanos = recorder == LineageRecorder.NONE ? 0 : startHold.toNanos();
    }

    void runStarted(LineageRecorder.RunInfo run) {
        batch.add(new Call(null, () -> recorder.runStarted(run)));
    }

    /**
     * A task changed; {@code processRunning}: a container's process started already (its start is then held for
     * {@link #START_HOLD} only).
     */
    void taskChanged(TaskSnapshot task, String cacheFingerprint, boolean processRunning) {
        boolean leaf = task.kind() == TaskKind.CONTAINER || task.kind() == TaskKind.IMPORTER;
        boolean canceled = task.state() == TaskState.CANCELED;
        Call call = new Call(leaf && !canceled ? task.taskId() : null,
                () -> recorder.taskChanged(runId, task, cacheFingerprint));
        if (leaf && canceled) {
            batch.add(new Note(task.taskId(), false)); // nothing of this task waits any longer
        }
        if (leaf && task.state() == TaskState.RUNNING && task.attempt() <= 1 && holdNanos > 0) {
            call.holdFor(holdNanos);
            call.untilProcessStarts = task.kind() == TaskKind.CONTAINER && !processRunning;
        }
        batch.add(call);
    }

    /** A container's process started: its held start waits {@link #START_HOLD} more at most. */
    void processStarted(String taskId) {
        batch.add(new Note(taskId, true));
    }

    void runFinished(RunState state) {
        batch.add(new Note(null, false));
        batch.add(new Call(null, () -> {
            try {
                recorder.runFinished(runId, state);
            } finally {
                synchronized (this) {
                    ended = true;
                }
            }
        }));
    }

    /** Hands the calls added since the last flush to the pool. Scheduler thread. */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        boolean start;
        synchronized (this) {
            for (Object item : batch) {
                if (item instanceof Note note) {
                    noted(note);
                    continue;
                }
                Call call = (Call) item;
                Call earlier = call.taskId == null ? null : replaceable.get(call.taskId);
                if (earlier != null) {
                    earlier.work = call.work;
                    if (!(earlier.held && call.held)) { // a newer start never holds an older one longer
                        earlier.held = call.held;
                        earlier.untilProcessStarts = call.untilProcessStarts;
                        earlier.holdUntil = call.holdUntil;
                    }
                } else {
                    waiting.addLast(call);
                    if (call.taskId != null) {
                        replaceable.put(call.taskId, call);
                    }
                }
            }
            notifyAll(); // a held start may have become its task's end, or been released
            start = !draining;
            draining = true;
        }
        batch.clear();
        if (start) {
            pool.execute(this::drain);
        }
    }

    private void noted(Note note) {
        if (note.taskId() == null) {
            waiting.forEach(Call::release);
            return;
        }
        Call call = replaceable.get(note.taskId());
        if (call == null || !call.held) {
            return;
        }
        if (!note.processStarted()) {
            call.release();
        } else if (call.untilProcessStarts) {
            call.holdFor(holdNanos);
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
                if (holding && next.held) {
                    long wait = next.untilProcessStarts ? 0 : next.holdUntil - System.nanoTime();
                    if (next.untilProcessStarts || wait > 0) {
                        try {
                            if (next.untilProcessStarts) {
                                wait();
                            } else {
                                TimeUnit.NANOSECONDS.timedWait(this, wait);
                            }
                        } catch (InterruptedException e) {
                            // the engine closes: write what is left without holding
                            Thread.currentThread().interrupt();
                            holding = false;
                        }
                        continue;
                    }
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

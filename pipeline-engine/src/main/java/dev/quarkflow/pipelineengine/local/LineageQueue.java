package dev.quarkflow.pipelineengine.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
 */
final class LineageQueue {

    private static final Logger LOG = Logger.getLogger(LineageQueue.class);

    private static final class Call {
        final String taskId;
        Runnable work;

        Call(String taskId, Runnable work) {
            this.taskId = taskId;
            this.work = work;
        }
    }

    private final String runId;
    private final LineageRecorder recorder;
    private final Executor pool;
    private final CompletableFuture<Void> recorded = new CompletableFuture<>();
    // Scheduler thread only.
    private final List<Call> batch = new ArrayList<>();
    // Guarded by this.
    private final Deque<Call> waiting = new ArrayDeque<>();
    private final Map<String, Call> replaceable = new HashMap<>();
    private boolean draining;
    private boolean ended;

    LineageQueue(String runId, LineageRecorder recorder, Executor pool) {
        this.runId = runId;
        this.recorder = recorder;
        this.pool = pool;
    }

    void runStarted(LineageRecorder.RunInfo run) {
        batch.add(new Call(null, () -> recorder.runStarted(run)));
    }

    void taskChanged(TaskSnapshot task, String cacheFingerprint) {
        boolean leaf = task.kind() == TaskKind.CONTAINER || task.kind() == TaskKind.IMPORTER;
        batch.add(new Call(leaf && task.state() != TaskState.CANCELED ? task.taskId() : null,
                () -> recorder.taskChanged(runId, task, cacheFingerprint)));
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
        }));
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
        while (true) {
            Call next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    draining = false;
                    if (ended) {
                        recorded.complete(null);
                    }
                    return;
                }
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

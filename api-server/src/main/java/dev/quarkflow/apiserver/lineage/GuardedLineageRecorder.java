package dev.quarkflow.apiserver.lineage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;

/**
 * Keeps a run's lineage sane when ML Metadata fails: a run whose lineage write failed records no more lineage
 * (what was written stays, the rest would reference ids that do not exist) and gets one warning; after a failure,
 * runs starting within {@code retryAfter} skip MLMD at once instead of each waiting for the deadline of its first
 * call. The engine calls the recorder off its scheduler thread (one lineage queue per run, drained on the engine's
 * lineage pool), so a slow or unreachable MLMD delays only the run's lineage, never its tasks; failures are
 * caught here so that the rest of the run's lineage calls return at once.
 */
public final class GuardedLineageRecorder implements LineageRecorder {

    private static final Logger LOG = Logger.getLogger(GuardedLineageRecorder.class);

    private final LineageRecorder delegate;
    private final String target;
    private final Duration retryAfter;
    private final Clock clock;
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private volatile Instant unavailableUntil = Instant.MIN;

    public GuardedLineageRecorder(LineageRecorder delegate, String target, Duration retryAfter, Clock clock) {
        this.delegate = delegate;
        this.target = target;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    @Override
    public void runStarted(RunInfo run) {
        if (clock.instant().isBefore(unavailableUntil)) {
            skipped.add(run.runId());
            LOG.warnf("run %s records no lineage: ML Metadata at %s was unreachable recently", run.runId(), target);
            return;
        }
        guarded(run.runId(), () -> delegate.runStarted(run));
    }

    @Override
    public void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint) {
        guarded(runId, () -> delegate.taskChanged(runId, task, cacheFingerprint));
    }

    @Override
    public void runFinished(String runId, RunState state) {
        guarded(runId, () -> delegate.runFinished(runId, state));
        skipped.remove(runId);
    }

    /** Whether lineage of this run was given up (for tests and the run's log). */
    public boolean skips(String runId) {
        return skipped.contains(runId);
    }

    private void guarded(String runId, Runnable write) {
        if (skipped.contains(runId)) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            skipped.add(runId);
            unavailableUntil = clock.instant().plus(retryAfter);
            LOG.warnf("run %s records no more lineage: ML Metadata at %s failed: %s", runId, target,
                    e.getMessage());
        }
    }
}

package dev.quarkflow.pipelineengine.bench;

import java.util.function.LongSupplier;

import dev.quarkflow.pipelineengine.lineage.MlmdWriter;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;

/** Counts the calls to an {@link MlmdWriter} and the wall time spent in them (the lineage share of a run). */
final class TimedMlmdWriter implements MlmdWriter {

    private final MlmdWriter delegate;
    private long calls;
    private long nanos;

    TimedMlmdWriter(MlmdWriter delegate) {
        this.delegate = delegate;
    }

    /** Calls and milliseconds since the last reset. */
    record Totals(long calls, double millis) {
    }

    synchronized Totals reset() {
        Totals totals = new Totals(calls, nanos / 1e6);
        calls = 0;
        nanos = 0;
        return totals;
    }

    private synchronized long timed(LongSupplier call) {
        long start = System.nanoTime();
        try {
            return call.getAsLong();
        } finally {
            nanos += System.nanoTime() - start;
            calls++;
        }
    }

    @Override
    public long putContext(Context context) {
        return timed(() -> delegate.putContext(context));
    }

    @Override
    public long putExecution(Execution execution) {
        return timed(() -> delegate.putExecution(execution));
    }

    @Override
    public long putArtifact(Artifact artifact) {
        return timed(() -> delegate.putArtifact(artifact));
    }

    @Override
    public void putEvent(Event event) {
        timed(() -> {
            delegate.putEvent(event);
            return 0;
        });
    }

    @Override
    public void putAssociation(long executionId, long contextId) {
        timed(() -> {
            delegate.putAssociation(executionId, contextId);
            return 0;
        });
    }

    @Override
    public void putAttribution(long artifactId, long contextId) {
        timed(() -> {
            delegate.putAttribution(artifactId, contextId);
            return 0;
        });
    }

    @Override
    public void putParentContext(long childId, long parentId) {
        timed(() -> {
            delegate.putParentContext(childId, parentId);
            return 0;
        });
    }
}

package dev.quarkflow.pipelineengine.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.mlmd.PutExecutionResponse;

/**
 * An {@link MlmdWriter} in front of another that counts the calls, the time spent in them and the
 * {@code PutExecution} requests, and can hold every call until {@link #open()}: for tests and the benchmark.
 */
public final class RecordingMlmdWriter implements MlmdWriter {

    private final MlmdWriter delegate;
    private final CountDownLatch gate;
    private final List<PutExecutionRequest> putExecutions = new ArrayList<>();
    private long calls;
    private long nanos;

    /** Calls and milliseconds since the last reset. */
    public record Totals(long calls, double millis) {
    }

    public RecordingMlmdWriter(MlmdWriter delegate) {
        this(delegate, false);
    }

    /** @param closed hold every call until {@link #open()} */
    public RecordingMlmdWriter(MlmdWriter delegate, boolean closed) {
        this.delegate = delegate;
        this.gate = new CountDownLatch(closed ? 1 : 0);
    }

    public void open() {
        gate.countDown();
    }

    public synchronized Totals reset() {
        Totals totals = new Totals(calls, nanos / 1e6);
        calls = 0;
        nanos = 0;
        putExecutions.clear();
        return totals;
    }

    public synchronized List<PutExecutionRequest> putExecutions() {
        return List.copyOf(putExecutions);
    }

    private long timed(LongSupplier call) {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long start = System.nanoTime();
        try {
            return call.getAsLong();
        } finally {
            synchronized (this) {
                nanos += System.nanoTime() - start;
                calls++;
            }
        }
    }

    private void timedVoid(Runnable call) {
        timed(() -> {
            call.run();
            return 0;
        });
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
    public PutExecutionResponse putExecution(PutExecutionRequest request) {
        synchronized (this) {
            putExecutions.add(request);
        }
        PutExecutionResponse[] response = new PutExecutionResponse[1];
        timedVoid(() -> response[0] = delegate.putExecution(request));
        return response[0];
    }

    @Override
    public long putArtifact(Artifact artifact) {
        return timed(() -> delegate.putArtifact(artifact));
    }

    @Override
    public void putEvent(Event event) {
        timedVoid(() -> delegate.putEvent(event));
    }

    @Override
    public void putAssociation(long executionId, long contextId) {
        timedVoid(() -> delegate.putAssociation(executionId, contextId));
    }

    @Override
    public void putAttribution(long artifactId, long contextId) {
        timedVoid(() -> delegate.putAttribution(artifactId, contextId));
    }

    @Override
    public void putParentContext(long childId, long parentId) {
        timedVoid(() -> delegate.putParentContext(childId, parentId));
    }

    @Override
    public Optional<CompletedExecution> completedExecution(String cacheFingerprint) {
        List<Optional<CompletedExecution>> found = new ArrayList<>(1);
        timedVoid(() -> found.add(delegate.completedExecution(cacheFingerprint)));
        return found.get(0);
    }
}

package dev.quarkflow.training.operator;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * JOSDK's metrics hook used as a test probe: numbers every event a job receives and remembers, per job, the newest
 * event a finished reconcile had already received when it started. A test can then wait until the controller has
 * reconciled past a change it made, with no fixed pause. Replaces QOSDK's no-op {@code Metrics} bean.
 */
@Singleton
public class ReconcileProbe implements Metrics {

    private long sequence;
    private final Map<ResourceID, Long> lastEvent = new HashMap<>();
    private final Map<ResourceID, Long> startedAt = new HashMap<>();
    private final Map<ResourceID, Long> finishedThrough = new HashMap<>();
    private final Map<ResourceID, Integer> running = new HashMap<>();

    @Override
    public synchronized void receivedEvent(Event event, Map<String, Object> metadata) {
        lastEvent.put(event.getRelatedCustomResourceID(), ++sequence);
    }

    @Override
    public synchronized void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
        ResourceID id = ResourceID.fromResource(resource);
        startedAt.put(id, lastEvent.getOrDefault(id, 0L));
        running.merge(id, 1, Integer::sum);
    }

    @Override
    public synchronized void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
        if (resource == null) {
            return; // JOSDK's early exit for a job gone from its cache: finished without having started
        }
        ResourceID id = ResourceID.fromResource(resource);
        finishedThrough.merge(id, startedAt.getOrDefault(id, 0L), Math::max);
        running.merge(id, -1, Integer::sum);
    }

    /** Number of the newest event delivered for the job (0 if none). */
    public synchronized long lastEvent(String namespace, String name) {
        return lastEvent.getOrDefault(new ResourceID(name, namespace), 0L);
    }

    /** Whether a reconcile that started after event {@code number} has finished and none is running now. */
    public synchronized boolean reconciledThrough(String namespace, String name, long number) {
        ResourceID id = new ResourceID(name, namespace);
        return finishedThrough.getOrDefault(id, 0L) >= number && running.getOrDefault(id, 0) == 0;
    }
}

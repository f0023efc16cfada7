package dev.quarkflow.training.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.quarkflow.training.api.JobStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What one reconcile must do: children to create (409 = already there), update and delete (404 = already gone), the
 * job to delete (TTL), the new status, and when to look again.
 */
public record Plan(JobStatus status, List<HasMetadata> creates, List<HasMetadata> updates, List<HasMetadata> deletes,
        boolean deleteJob, Optional<Duration> requeueAfter) {

    public Plan {
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
    }

    /** Nothing to do: the job belongs to another controller. */
    public static Plan skip(JobStatus status) {
        return new Plan(status, List.of(), List.of(), List.of(), false, Optional.empty());
    }
}

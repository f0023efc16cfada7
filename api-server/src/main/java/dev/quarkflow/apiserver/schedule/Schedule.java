package dev.quarkflow.apiserver.schedule;

import java.time.Instant;
import java.util.Optional;

/** When a trigger fires: the first fire time strictly after a given instant. */
public interface Schedule {

    Optional<Instant> nextAfter(Instant time);
}

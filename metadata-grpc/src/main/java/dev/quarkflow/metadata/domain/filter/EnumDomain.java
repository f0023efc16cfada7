package dev.quarkflow.metadata.domain.filter;

import java.util.Optional;
import java.util.Set;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;

/** The enums a filter may compare by bare value name, with the names MLMD 1.14 accepts for each. */
enum EnumDomain {
    ARTIFACT_STATE,
    EXECUTION_STATE,
    EVENT_TYPE;

    // upstream's filter rejects these two event types by name
    private static final Set<String> REJECTED_EVENT_TYPES = Set.of("UNKNOWN", "PENDING_OUTPUT");

    Optional<Integer> number(String name) {
        try {
            return Optional.of(switch (this) {
                case ARTIFACT_STATE -> Artifact.State.valueOf(name).getNumber();
                case EXECUTION_STATE -> Execution.State.valueOf(name).getNumber();
                case EVENT_TYPE -> {
                    if (REJECTED_EVENT_TYPES.contains(name)) {
                        throw new IllegalArgumentException(name);
                    }
                    yield Event.Type.valueOf(name).getNumber();
                }
            });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

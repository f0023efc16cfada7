package dev.quarkflow.pipelineengine.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * The artifact/event pairs of one {@code PutExecution}: an artifact already in MLMD is named by id; one seen for
 * the first time is created by the pair, once per URI (a second event on it within the same write has to wait
 * for its id: {@link #deferred()}). The same event twice (artifact, type, key) is sent once, as MLMD rejects
 * duplicates.
 */
final class ArtifactEvents {

    private final Map<String, Long> knownIds;
    private final BiFunction<RuntimeArtifact, String, Artifact> newArtifact;
    private final List<PutExecutionRequest.ArtifactAndEvent> pairs = new ArrayList<>();
    private final Map<Integer, String> createdUris = new LinkedHashMap<>();
    private final Map<String, List<Event.Builder>> deferred = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /**
     * @param knownIds MLMD artifact ids by URI
     * @param newArtifact the MLMD artifact for a runtime artifact seen first under an input or output name
     */
    ArtifactEvents(Map<String, Long> knownIds, BiFunction<RuntimeArtifact, String, Artifact> newArtifact) {
        this.knownIds = knownIds;
        this.newArtifact = newArtifact;
    }

    void add(RuntimeArtifact artifact, String key, Event.Type type) {
        String uri = artifact.getUri();
        if (!seen.add(type + "\u0000" + key + "\u0000" + uri)) {
            return;
        }
        Event.Builder event = Event.newBuilder().setType(type)
                .setPath(Event.Path.newBuilder().addSteps(Event.Path.Step.newBuilder().setKey(key)));
        Long id = knownIds.get(uri);
        if (id != null) {
            pairs.add(PutExecutionRequest.ArtifactAndEvent.newBuilder().setEvent(event.setArtifactId(id)).build());
        } else if (createdUris.containsValue(uri)) {
            deferred.computeIfAbsent(uri, u -> new ArrayList<>()).add(event);
        } else {
            createdUris.put(pairs.size(), uri);
            pairs.add(PutExecutionRequest.ArtifactAndEvent.newBuilder().setArtifact(newArtifact.apply(artifact, key))
                    .setEvent(event).build());
        }
    }

    List<PutExecutionRequest.ArtifactAndEvent> pairs() {
        return List.copyOf(pairs);
    }

    /** Remembers the ids MLMD gave the artifacts this write created. */
    void created(List<Long> artifactIds) {
        createdUris.forEach((index, uri) -> knownIds.put(uri, artifactIds.get(index)));
    }

    /** Events on artifacts created by this write, to send once their ids are known (after {@link #created}). */
    List<PutExecutionRequest.ArtifactAndEvent> deferred() {
        List<PutExecutionRequest.ArtifactAndEvent> later = new ArrayList<>();
        deferred.forEach((uri, events) -> events.forEach(event -> later.add(PutExecutionRequest.ArtifactAndEvent
                .newBuilder().setEvent(event.clone().setArtifactId(knownIds.get(uri))).build())));
        return later;
    }
}

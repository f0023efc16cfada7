package dev.quarkflow.pipelineengine.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.mlmd.PutExecutionResponse;

/**
 * The ML Metadata writes lineage needs, with MLMD's own messages. Objects carry their type by name
 * ({@code type}); a writer registers types on demand (upstream creates them schemaless). An object without
 * an id is created, one with an id is updated.
 */
public interface MlmdWriter {

    /** Creates the context, or returns the id of the existing one with the same type and name. */
    long putContext(Context context);

    long putExecution(Execution execution);

    long putArtifact(Artifact artifact);

    void putEvent(Event event);

    void putAssociation(long executionId, long contextId);

    void putAttribution(long artifactId, long contextId);

    void putParentContext(long childId, long parentId);

    /**
     * What a cache hit points at, as upstream's driver finds it: the newest container execution that COMPLETED
     * with this cache fingerprint, and the artifacts it output, by URI. Empty when there is none.
     */
    Optional<CompletedExecution> completedExecution(String cacheFingerprint);

    /** An execution a later cache hit reuses: its id, and its output artifacts' ids by URI. */
    record CompletedExecution(long executionId, Map<String, Long> outputArtifactIdsByUri) {

        public CompletedExecution {
            outputArtifactIdsByUri = Map.copyOf(outputArtifactIdsByUri);
        }
    }

    /**
     * MLMD's {@code PutExecution}: upserts the execution, creates the pairs' artifacts (a pair without artifact
     * names an existing one by {@code event.artifact_id}), inserts their events, and links the execution and every
     * artifact of the request to each context (contexts carry their id; they are never modified). Response ids are
     * aligned with the request's pairs and contexts.
     * <p>
     * This default makes the same writes one by one; a server-backed writer sends one call.
     */
    default PutExecutionResponse putExecution(PutExecutionRequest request) {
        long executionId = putExecution(request.getExecution());
        List<Long> artifactIds = new ArrayList<>();
        for (PutExecutionRequest.ArtifactAndEvent pair : request.getArtifactEventPairsList()) {
            long artifactId = pair.hasArtifact() ? putArtifact(pair.getArtifact()) : pair.getEvent().getArtifactId();
            artifactIds.add(artifactId);
            if (pair.hasEvent()) {
                putEvent(pair.getEvent().toBuilder().setExecutionId(executionId).setArtifactId(artifactId).build());
            }
        }
        PutExecutionResponse.Builder response = PutExecutionResponse.newBuilder().setExecutionId(executionId)
                .addAllArtifactIds(artifactIds);
        for (Context context : request.getContextsList()) {
            long contextId = context.hasId() ? context.getId() : putContext(context);
            response.addContextIds(contextId);
            putAssociation(executionId, contextId);
            artifactIds.forEach(artifactId -> putAttribution(artifactId, contextId));
        }
        return response.build();
    }
}

package dev.quarkflow.pipelineengine.lineage;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;

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
}

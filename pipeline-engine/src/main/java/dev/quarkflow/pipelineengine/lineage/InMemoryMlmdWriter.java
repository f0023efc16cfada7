package dev.quarkflow.pipelineengine.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Association;
import dev.quarkflow.proto.mlmd.Attribution;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.ParentContext;

/** An {@link MlmdWriter} that keeps the graph in memory: for tests and for reading lineage without a server. */
public final class InMemoryMlmdWriter implements MlmdWriter {

    private long nextId = 1;
    private final Map<Long, Context> contexts = new LinkedHashMap<>();
    private final Map<Long, Execution> executions = new LinkedHashMap<>();
    private final Map<Long, Artifact> artifacts = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final Set<Association> associations = new LinkedHashSet<>();
    private final Set<Attribution> attributions = new LinkedHashSet<>();
    private final List<ParentContext> parentContexts = new ArrayList<>();

    @Override
    public synchronized long putContext(Context context) {
        for (Context existing : contexts.values()) {
            if (existing.getType().equals(context.getType()) && existing.getName().equals(context.getName())) {
                return existing.getId();
            }
        }
        long id = nextId++;
        contexts.put(id, context.toBuilder().setId(id).build());
        return id;
    }

    @Override
    public synchronized long putExecution(Execution execution) {
        long id = execution.hasId() ? execution.getId() : nextId++;
        executions.put(id, execution.toBuilder().setId(id).build());
        return id;
    }

    @Override
    public synchronized long putArtifact(Artifact artifact) {
        long id = artifact.hasId() ? artifact.getId() : nextId++;
        artifacts.put(id, artifact.toBuilder().setId(id).build());
        return id;
    }

    @Override
    public synchronized void putEvent(Event event) {
        events.add(event);
    }

    @Override
    public synchronized void putAssociation(long executionId, long contextId) {
        // like MLMD: a link that exists already is left as it is
        Association link = Association.newBuilder().setExecutionId(executionId).setContextId(contextId).build();
        associations.add(link);
    }

    @Override
    public synchronized void putAttribution(long artifactId, long contextId) {
        Attribution link = Attribution.newBuilder().setArtifactId(artifactId).setContextId(contextId).build();
        attributions.add(link);
    }

    @Override
    public synchronized void putParentContext(long childId, long parentId) {
        parentContexts.add(ParentContext.newBuilder().setChildId(childId).setParentId(parentId).build());
    }

    @Override
    public synchronized Optional<CompletedExecution> completedExecution(String cacheFingerprint) {
        return executions.values().stream()
                .filter(e -> e.getType().equals(MlmdLineageRecorder.CONTAINER_EXECUTION)
                        && e.getLastKnownState() == Execution.State.COMPLETE
                        && cacheFingerprint.equals(e.getCustomPropertiesOrDefault(MlmdLineageRecorder.CACHE_FINGERPRINT,
                                dev.quarkflow.proto.mlmd.Value.getDefaultInstance()).getStringValue()))
                .max(Comparator.comparingLong(Execution::getId))
                .map(e -> {
                    Map<String, Long> outputs = new LinkedHashMap<>();
                    events.stream().filter(ev -> ev.getExecutionId() == e.getId() && ev.getType() == Event.Type.OUTPUT)
                            .forEach(ev -> outputs.putIfAbsent(artifacts.get(ev.getArtifactId()).getUri(),
                                    ev.getArtifactId()));
                    return new CompletedExecution(e.getId(), outputs);
                });
    }

    public synchronized List<Context> contexts() {
        return List.copyOf(contexts.values());
    }

    public synchronized List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    public synchronized List<Artifact> artifacts() {
        return List.copyOf(artifacts.values());
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<Association> associations() {
        return List.copyOf(associations);
    }

    public synchronized List<Attribution> attributions() {
        return List.copyOf(attributions);
    }

    public synchronized List<ParentContext> parentContexts() {
        return List.copyOf(parentContexts);
    }
}

package dev.quarkflow.metadata.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.proto.mlmd.Event;

/** PutExecution and PutLineageSubgraph: nodes, events and context links written in one transaction. */
@ApplicationScoped
@Transactional
public class CompositeStore {

    /** One artifact_event_pairs entry; either part may be null. */
    public record ArtifactAndEvent(Node artifact, Event event) {
    }

    public record ExecutionWrite(long executionId, List<Long> artifactIds, List<Long> contextIds) {
    }

    /** One event_edges entry; indexes are null when absent. */
    public record EventEdge(Integer executionIndex, Integer artifactIndex, Event event) {
    }

    public record SubgraphWrite(List<Long> executionIds, List<Long> artifactIds, List<Long> contextIds) {
    }

    @Inject
    NodeStore nodes;

    @Inject
    EdgeStore edges;

    public ExecutionWrite putExecution(Node execution, List<ArtifactAndEvent> pairs, List<Node> contexts,
            boolean reuseContexts, boolean reuseArtifacts) {
        long executionId = nodes.put("execution", execution, List.of(), false);
        List<Long> artifactIds = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            artifactIds.add(putPair("artifact_event_pairs[" + i + "]", pairs.get(i), execution, executionId,
                    reuseArtifacts));
        }
        List<Long> contextIds = putContexts("contexts", contexts, reuseContexts);
        edges.linkToContexts("contexts", contextIds, List.of(executionId),
                artifactIds.stream().filter(id -> id >= 0).toList());
        return new ExecutionWrite(executionId, artifactIds, contextIds);
    }

    private long putPair(String field, ArtifactAndEvent pair, Node execution, long executionId,
            boolean reuseArtifacts) {
        Event event = pair.event();
        if (pair.artifact() == null && event == null) {
            // upstream skips an empty pair yet reports -1 for it
            return -1;
        }
        if (event != null && event.hasExecutionId()
                && (execution.id() == null || execution.id() != event.getExecutionId())) {
            throw QuarkflowException.invalidArgument(field + ".event.execution_id",
                    "differs from the id of the request's execution");
        }
        if (pair.artifact() == null && (event == null || !event.hasArtifactId())) {
            throw QuarkflowException.invalidArgument(field + ".artifact", "needs an artifact or event.artifact_id");
        }
        long artifactId;
        if (pair.artifact() != null) {
            Node artifact = reuseArtifacts ? reuseByExternalId(pair.artifact()) : pair.artifact();
            if (artifact.id() != null && event != null && event.hasArtifactId()
                    && artifact.id() != event.getArtifactId()) {
                throw QuarkflowException.invalidArgument(field + ".event.artifact_id",
                        "differs from the id of the pair's artifact");
            }
            artifactId = nodes.put(field + ".artifact", artifact, List.of(), false);
        } else {
            artifactId = event.getArtifactId();
            if (nodes.byIds(NodeKind.ARTIFACT, List.of(artifactId)).isEmpty()) {
                throw QuarkflowException.invalidArgument(field + ".event.artifact_id", "no artifact with id "
                        + artifactId);
            }
        }
        if (event != null) {
            edges.putEvent(field + ".event", event.toBuilder().setArtifactId(artifactId)
                    .setExecutionId(executionId).build());
        }
        return artifactId;
    }

    private Node reuseByExternalId(Node artifact) {
        if (artifact.id() != null || artifact.externalId() == null || artifact.externalId().isEmpty()) {
            return artifact;
        }
        return nodes.byExternalIds(NodeKind.ARTIFACT, List.of(artifact.externalId())).stream().findFirst()
                .map(existing -> artifact.withId(existing.id())).orElse(artifact);
    }

    private List<Long> putContexts(String field, List<Node> contexts, boolean reuse) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            Node context = contexts.get(i);
            String at = field + "[" + i + "]";
            if (context.typeId() == null) {
                throw QuarkflowException.invalidArgument(at + ".type_id", "required");
            }
            if (context.name() == null || context.name().isEmpty()) {
                throw QuarkflowException.invalidArgument(at + ".name", "required");
            }
            Long reused = context.id() == null && reuse
                    ? nodes.idByTypeAndName(NodeKind.CONTEXT, context.typeId(), context.name()).orElse(null)
                    : null;
            ids.add(reused != null ? reused : nodes.put(at, context, List.of(), false));
        }
        return ids;
    }

    public SubgraphWrite putLineageSubgraph(List<Node> executions, List<Node> artifacts, List<Node> contexts,
            List<EventEdge> eventEdges, boolean reuseContexts, boolean reuseArtifacts) {
        for (int i = 0; i < eventEdges.size(); i++) {
            checkEdge("event_edges[" + i + "]", eventEdges.get(i), executions, artifacts);
        }
        requireTypeIds("executions", executions);
        requireTypeIds("artifacts", artifacts);
        requireTypeIds("contexts", contexts);
        List<Long> contextIds = putContexts("contexts", contexts, reuseContexts);
        List<Long> executionIds = new ArrayList<>();
        for (int i = 0; i < executions.size(); i++) {
            executionIds.add(nodes.put("executions[" + i + "]", executions.get(i), List.of(), false));
        }
        List<Long> artifactIds = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            Node artifact = reuseArtifacts ? reuseByExternalId(artifacts.get(i)) : artifacts.get(i);
            artifactIds.add(nodes.put("artifacts[" + i + "]", artifact, List.of(), false));
        }
        edges.linkToContexts("contexts", contextIds, new LinkedHashSet<>(executionIds), Set.copyOf(artifactIds));
        for (int i = 0; i < eventEdges.size(); i++) {
            EventEdge edge = eventEdges.get(i);
            Event.Builder event = edge.event().toBuilder();
            if (edge.executionIndex() != null) {
                event.setExecutionId(executionIds.get(edge.executionIndex()));
            }
            if (edge.artifactIndex() != null) {
                event.setArtifactId(artifactIds.get(edge.artifactIndex()));
            }
            edges.putEvent("event_edges[" + i + "].event", event.build());
        }
        return new SubgraphWrite(executionIds, artifactIds, contextIds);
    }

    private static void checkEdge(String field, EventEdge edge, List<Node> executions, List<Node> artifacts) {
        if (edge.event() == null) {
            throw QuarkflowException.invalidArgument(field + ".event", "required");
        }
        checkEnd(field, "execution", edge.executionIndex(), edge.event().hasExecutionId()
                ? edge.event().getExecutionId()
                : null, executions);
        checkEnd(field, "artifact", edge.artifactIndex(), edge.event().hasArtifactId()
                ? edge.event().getArtifactId()
                : null, artifacts);
    }

    private static void checkEnd(String field, String end, Integer index, Long explicitId, List<Node> nodes) {
        if (index == null && explicitId == null) {
            throw QuarkflowException.invalidArgument(field + "." + end + "_index",
                    "needs " + end + "_index or event." + end + "_id");
        }
        if (index != null) {
            if (index < 0 || index >= nodes.size()) {
                throw outOfRange(field + "." + end + "_index", index, nodes.size());
            }
            Long indexedId = nodes.get(index).id();
            if (explicitId != null && !explicitId.equals(indexedId)) {
                throw QuarkflowException.invalidArgument(field + ".event." + end + "_id",
                        "differs from the id of the " + end + " at " + end + "_index " + index);
            }
        }
    }

    private static RuntimeException outOfRange(String field, int index, int size) {
        // OUT_OF_RANGE is upstream's code here; ErrorCode has no such kind
        return io.grpc.Status.OUT_OF_RANGE.withDescription(field + ": index " + index + " is outside [0, " + size
                + ")").asRuntimeException();
    }

    private static void requireTypeIds(String field, List<Node> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).typeId() == null) {
                throw QuarkflowException.invalidArgument(field + "[" + i + "].type_id", "required");
            }
        }
    }
}

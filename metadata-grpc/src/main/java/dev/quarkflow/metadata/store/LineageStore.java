package dev.quarkflow.metadata.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.metadata.domain.TypeDef;
import dev.quarkflow.metadata.domain.lineage.LineageWalk;
import dev.quarkflow.metadata.domain.listing.ListOptions;
import dev.quarkflow.proto.mlmd.Event;

/** GetLineageGraph and GetLineageSubgraph: pick the start nodes, walk, and load what the answer carries. */
@ApplicationScoped
@Transactional
public class LineageStore {

    /** What a lineage read returns; node lists hold full nodes (the edge trims them when asked). */
    public record Lineage(List<Node> artifacts, List<Node> executions, List<Node> contexts, List<Event> events,
            List<TypeDef> artifactTypes, List<TypeDef> executionTypes, List<TypeDef> contextTypes) {
    }

    @Inject
    NodeStore nodes;

    @Inject
    EdgeStore edges;

    @Inject
    TypeStore types;

    private final LineageWalk.Graph graph = new LineageWalk.Graph() {
        @Override
        public List<Event> eventsOfArtifacts(Collection<Long> artifactIds) {
            return edges.eventsOfArtifacts(artifactIds);
        }

        @Override
        public List<Event> eventsOfExecutions(Collection<Long> executionIds) {
            return edges.eventsOfExecutions(executionIds);
        }
    };

    public Lineage graph(ListOptions startOptions, long maxHops, long maxNodes, String boundaryArtifacts,
            String boundaryExecutions) {
        List<Long> start = nodes.page(NodeKind.ARTIFACT, NodeScope.ALL, startOptions).nodes().stream()
                .map(Node::id).toList();
        if (start.isEmpty()) {
            throw QuarkflowException.notFound("options.artifacts_options", "no artifact matches the query");
        }
        LineageWalk.Result walk = LineageWalk.bounded(graph, start, maxHops, maxNodes,
                boundary(NodeKind.ARTIFACT, "options.stop_conditions.boundary_artifacts", boundaryArtifacts),
                boundary(NodeKind.EXECUTION, "options.stop_conditions.boundary_executions", boundaryExecutions));
        return new Lineage(nodes.byIds(NodeKind.ARTIFACT, walk.artifactIds()),
                nodes.byIds(NodeKind.EXECUTION, walk.executionIds()), List.of(), walk.events(),
                types.all(NodeKind.ARTIFACT, false), types.all(NodeKind.EXECUTION, false),
                types.all(NodeKind.CONTEXT, true));
    }

    private java.util.function.UnaryOperator<Set<Long>> boundary(NodeKind kind, String field, String filter) {
        if (filter == null || filter.isBlank()) {
            return candidates -> candidates;
        }
        // compile once up front so that a bad boundary fails even when the walk never reaches it
        nodes.matchingIds(kind, field, filter, List.of(), 0);
        return candidates -> Set.copyOf(nodes.matchingIds(kind, field, filter, candidates, 0));
    }

    public Lineage subgraph(NodeKind startKind, String startFilter, long maxHops, LineageWalk.Direction direction) {
        String field = "lineage_subgraph_query_options.starting_" + startKind.label() + "s.filter_query";
        List<Long> start = nodes.matchingIds(startKind, field, startFilter, null, ListOptions.MAX_FETCH);
        if (start.isEmpty()) {
            throw QuarkflowException.notFound(field, "no " + startKind.label() + " matches the query");
        }
        LineageWalk.Result walk = startKind == NodeKind.ARTIFACT
                ? LineageWalk.directed(graph, start, List.of(), maxHops, direction)
                : LineageWalk.directed(graph, List.of(), start, maxHops, direction);
        Set<Long> contextIds = edges.contextIdsOf(walk.artifactIds(), walk.executionIds());
        return new Lineage(idOnly(NodeKind.ARTIFACT, walk.artifactIds()), idOnly(NodeKind.EXECUTION,
                walk.executionIds()), idOnly(NodeKind.CONTEXT, contextIds), walk.events(),
                types.all(NodeKind.ARTIFACT, true), types.all(NodeKind.EXECUTION, true),
                types.all(NodeKind.CONTEXT, true));
    }

    private static List<Node> idOnly(NodeKind kind, Collection<Long> ids) {
        return ids.stream().sorted().map(id -> new Node(kind, id, null, null, null, null, null, null,
                java.util.Map.of(), java.util.Map.of(), null, null)).toList();
    }
}

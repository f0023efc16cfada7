package dev.quarkflow.metadata.store;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.google.protobuf.InvalidProtocolBufferException;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.proto.mlmd.Association;
import dev.quarkflow.proto.mlmd.Attribution;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.ParentContext;

/** Events, attributions, associations and parent-context links. */
@ApplicationScoped
@Transactional
public class EdgeStore {

    @Inject
    StoreSession db;

    @Inject
    NodeStore nodes;

    @Inject
    Clock clock;

    private Session session() {
        return db.get();
    }

    // --- events ---

    public void putEvents(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            putEvent("events[" + i + "]", events.get(i));
        }
    }

    public void putAttributionsAndAssociations(List<Attribution> attributions, List<Association> associations) {
        for (int i = 0; i < attributions.size(); i++) {
            Attribution link = attributions.get(i);
            String field = "attributions[" + i + "]";
            requirePresent(field + ".context_id", link.hasContextId());
            requirePresent(field + ".artifact_id", link.hasArtifactId());
            attribute(field, link.getContextId(), link.getArtifactId());
        }
        for (int i = 0; i < associations.size(); i++) {
            Association link = associations.get(i);
            String field = "associations[" + i + "]";
            requirePresent(field + ".context_id", link.hasContextId());
            requirePresent(field + ".execution_id", link.hasExecutionId());
            associate(field, link.getContextId(), link.getExecutionId());
        }
    }

    public void putParentContexts(List<ParentContext> links) {
        for (int i = 0; i < links.size(); i++) {
            ParentContext link = links.get(i);
            String field = "parent_contexts[" + i + "]";
            requirePresent(field + ".child_id", link.hasChildId());
            requirePresent(field + ".parent_id", link.hasParentId());
            putParentContext(field, link.getChildId(), link.getParentId());
        }
    }

    private static void requirePresent(String field, boolean present) {
        if (!present) {
            throw QuarkflowException.invalidArgument(field, "required");
        }
    }

    public void putEvent(String field, Event event) {
        if (!event.hasArtifactId()) {
            throw QuarkflowException.invalidArgument(field + ".artifact_id", "required");
        }
        if (!event.hasExecutionId()) {
            throw QuarkflowException.invalidArgument(field + ".execution_id", "required");
        }
        if (!event.hasType() || event.getType() == Event.Type.UNKNOWN) {
            throw QuarkflowException.invalidArgument(field + ".type", "required and not UNKNOWN");
        }
        requireExists(NodeKind.ARTIFACT, field + ".artifact_id", event.getArtifactId());
        requireExists(NodeKind.EXECUTION, field + ".execution_id", event.getExecutionId());
        long clashes = session().createSelectionQuery("select count(e) from EventEntity e where e.artifactId = :a"
                + " and e.executionId = :x and e.type = :t", Long.class).setParameter("a", event.getArtifactId())
                .setParameter("x", event.getExecutionId()).setParameter("t", event.getType().getNumber())
                .getSingleResult();
        if (clashes > 0) {
            throw QuarkflowException.alreadyExists(field, "an event of type " + event.getType() + " between artifact "
                    + event.getArtifactId() + " and execution " + event.getExecutionId() + " already exists");
        }
        EventEntity entity = new EventEntity();
        entity.artifactId = event.getArtifactId();
        entity.executionId = event.getExecutionId();
        entity.type = event.getType().getNumber();
        entity.millisecondsSinceEpoch = event.hasMillisecondsSinceEpoch() ? event.getMillisecondsSinceEpoch()
                : clock.millis();
        entity.path = event.hasPath() ? event.getPath().toByteArray() : null;
        session().persist(entity);
    }

    public List<Event> eventsOfArtifacts(Collection<Long> artifactIds) {
        return events("artifactId", artifactIds);
    }

    public List<Event> eventsOfExecutions(Collection<Long> executionIds) {
        return events("executionId", executionIds);
    }

    private List<Event> events(String column, Collection<Long> ids) {
        List<Event> events = new ArrayList<>();
        for (List<Long> chunk : NodeStore.chunks(List.copyOf(Set.copyOf(ids)))) {
            session().createSelectionQuery("from EventEntity e where e." + column + " in :ids order by e.id",
                    EventEntity.class).setParameter("ids", chunk).getResultList()
                    .forEach(entity -> events.add(toEvent(entity)));
        }
        return events;
    }

    static Event toEvent(EventEntity entity) {
        Event.Builder event = Event.newBuilder().setArtifactId(entity.artifactId)
                .setExecutionId(entity.executionId).setType(Event.Type.forNumber(entity.type))
                .setMillisecondsSinceEpoch(entity.millisecondsSinceEpoch);
        if (entity.path != null) {
            try {
                event.setPath(Event.Path.parseFrom(entity.path));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("stored path of event " + entity.id + " is corrupt", e);
            }
        }
        return event.build();
    }

    // --- attributions and associations ---

    /** Links an artifact to a context; an existing link is left as it is. */
    public void attribute(String field, long contextId, long artifactId) {
        link(field, contextId, NodeKind.ARTIFACT, artifactId, null);
    }

    /** Links an execution to a context; an existing link is left as it is. */
    public void associate(String field, long contextId, long executionId) {
        link(field, contextId, NodeKind.EXECUTION, executionId, null);
    }

    /**
     * Associates each execution and attributes each artifact to each context ({@code field[i]} names context i),
     * as {@link #associate} and {@link #attribute} one by one would, but reading the existing links once.
     */
    public void linkToContexts(String field, List<Long> contextIds, Collection<Long> executionIds,
            Collection<Long> artifactIds) {
        Set<List<Long>> associated = existingLinks(NodeKind.EXECUTION, contextIds, executionIds);
        Set<List<Long>> attributed = existingLinks(NodeKind.ARTIFACT, contextIds, artifactIds);
        for (int i = 0; i < contextIds.size(); i++) {
            for (Long executionId : executionIds) {
                link(field + "[" + i + "]", contextIds.get(i), NodeKind.EXECUTION, executionId, associated);
            }
            for (Long artifactId : artifactIds) {
                link(field + "[" + i + "]", contextIds.get(i), NodeKind.ARTIFACT, artifactId, attributed);
            }
        }
    }

    /**
     * Links an artifact (attribution) or execution (association) to a context unless linked already: per
     * {@code known}, the (context id, node id) pairs linked so far, or when null per a query.
     */
    private void link(String field, long contextId, NodeKind kind, long nodeId, Set<List<Long>> known) {
        requireExists(NodeKind.CONTEXT, field + ".context_id", contextId);
        requireExists(kind, field + "." + kind.label() + "_id", nodeId);
        boolean linked = known == null ? linked(kind, contextId, nodeId) : !known.add(List.of(contextId, nodeId));
        if (linked) {
            return;
        }
        if (kind == NodeKind.ARTIFACT) {
            AttributionEntity link = new AttributionEntity();
            link.contextId = contextId;
            link.artifactId = nodeId;
            session().persist(link);
        } else {
            AssociationEntity link = new AssociationEntity();
            link.contextId = contextId;
            link.executionId = nodeId;
            session().persist(link);
        }
    }

    private boolean linked(NodeKind kind, long contextId, long nodeId) {
        return session().createSelectionQuery("select count(l) from " + linkEntity(kind) + " l where l.contextId = :c"
                + " and l." + linkColumn(kind) + " = :n", Long.class).setParameter("c", contextId)
                .setParameter("n", nodeId).getSingleResult() > 0;
    }

    /**
     * The (context id, node id) pairs already linked among these contexts and nodes of the kind. Selected by node
     * only, through the node's index: a condition on the context too lets the database walk every link of the
     * context (a pipeline's context gathers one per task of every run).
     */
    private Set<List<Long>> existingLinks(NodeKind kind, Collection<Long> contextIds, Collection<Long> nodeIds) {
        Set<List<Long>> links = new HashSet<>();
        if (contextIds.isEmpty() || nodeIds.isEmpty()) {
            return links;
        }
        for (List<Long> chunk : NodeStore.chunks(List.copyOf(Set.copyOf(nodeIds)))) {
            session().createSelectionQuery("select l.contextId, l." + linkColumn(kind) + " from " + linkEntity(kind)
                    + " l where l." + linkColumn(kind) + " in :n", Object[].class)
                    .setParameter("n", chunk).getResultList().stream()
                    .filter(row -> contextIds.contains((Long) row[0]))
                    .forEach(row -> links.add(List.of((Long) row[0], (Long) row[1])));
        }
        return links;
    }

    private static String linkEntity(NodeKind kind) {
        return kind == NodeKind.ARTIFACT ? "AttributionEntity" : "AssociationEntity";
    }

    private static String linkColumn(NodeKind kind) {
        return kind == NodeKind.ARTIFACT ? "artifactId" : "executionId";
    }

    public List<Node> contextsOfArtifact(long artifactId) {
        return contextsVia("AttributionEntity", "artifactId", List.of(artifactId));
    }

    public List<Node> contextsOfExecution(long executionId) {
        return contextsVia("AssociationEntity", "executionId", List.of(executionId));
    }

    /** Ids of the contexts linked to any of these artifacts (attribution) or executions (association). */
    public Set<Long> contextIdsOf(Collection<Long> artifactIds, Collection<Long> executionIds) {
        Set<Long> ids = new HashSet<>();
        ids.addAll(linkedContextIds("AttributionEntity", "artifactId", artifactIds));
        ids.addAll(linkedContextIds("AssociationEntity", "executionId", executionIds));
        return ids;
    }

    private List<Node> contextsVia(String entity, String column, Collection<Long> nodeIds) {
        return nodes.byIds(NodeKind.CONTEXT, linkedContextIds(entity, column, nodeIds));
    }

    private List<Long> linkedContextIds(String entity, String column, Collection<Long> nodeIds) {
        List<Long> ids = new ArrayList<>();
        for (List<Long> chunk : NodeStore.chunks(List.copyOf(Set.copyOf(nodeIds)))) {
            ids.addAll(session().createSelectionQuery("select l.contextId from " + entity + " l where l." + column
                    + " in :ids", Long.class).setParameter("ids", chunk).getResultList());
        }
        return ids;
    }

    // --- parent contexts ---

    public void putParentContext(String field, long childId, long parentId) {
        requireExists(NodeKind.CONTEXT, field + ".child_id", childId);
        requireExists(NodeKind.CONTEXT, field + ".parent_id", parentId);
        if (childId == parentId) {
            throw QuarkflowException.invalidArgument(field, "a context cannot be its own parent");
        }
        if (session().createSelectionQuery("select count(p) from ParentContextEntity p where p.childId = :c"
                + " and p.parentId = :p", Long.class).setParameter("c", childId).setParameter("p", parentId)
                .getSingleResult() > 0) {
            throw QuarkflowException.alreadyExists(field, "context " + parentId + " is already a parent of " + childId);
        }
        if (descendantsOf(childId).contains(parentId)) {
            throw QuarkflowException.invalidArgument(field, "linking parent " + parentId + " to child " + childId
                    + " would create a cycle");
        }
        ParentContextEntity link = new ParentContextEntity();
        link.childId = childId;
        link.parentId = parentId;
        session().persist(link);
    }

    private Set<Long> descendantsOf(long contextId) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(contextId));
        while (!queue.isEmpty()) {
            Set<Long> level = new HashSet<>();
            while (!queue.isEmpty()) {
                level.add(queue.poll());
            }
            for (Long child : session().createSelectionQuery(
                    "select p.childId from ParentContextEntity p where p.parentId in :ids", Long.class)
                    .setParameter("ids", level).getResultList()) {
                if (seen.add(child)) {
                    queue.add(child);
                }
            }
        }
        return seen;
    }

    /** Direct parents of each context that has any; contexts without parents are absent from the map. */
    public Map<Long, List<Node>> parentsOf(Collection<Long> childIds) {
        return related("childId", "parentId", childIds);
    }

    /** Direct children of each context that has any. */
    public Map<Long, List<Node>> childrenOf(Collection<Long> parentIds) {
        return related("parentId", "childId", parentIds);
    }

    private Map<Long, List<Node>> related(String from, String to, Collection<Long> ids) {
        Map<Long, List<Long>> links = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            session().createSelectionQuery("select p." + from + ", p." + to + " from ParentContextEntity p where p."
                    + from + " in :ids order by p." + from + ", p." + to, Object[].class)
                    .setParameter("ids", Set.copyOf(ids)).getResultList()
                    .forEach(row -> links.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]));
        }
        Map<Long, Node> contexts = new LinkedHashMap<>();
        nodes.byIds(NodeKind.CONTEXT, links.values().stream().flatMap(List::stream).toList())
                .forEach(context -> contexts.put(context.id(), context));
        Map<Long, List<Node>> result = new LinkedHashMap<>();
        links.forEach((id, related) -> result.put(id, related.stream().map(contexts::get).toList()));
        return result;
    }

    private void requireExists(NodeKind kind, String field, long id) {
        if (session().find(NodeRows.entityClass(kind), id) == null) {
            throw QuarkflowException.invalidArgument(field, "no " + kind.label() + " with id " + id);
        }
    }
}

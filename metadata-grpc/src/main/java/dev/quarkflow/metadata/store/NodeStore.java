package dev.quarkflow.metadata.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.metadata.domain.NodeUpdate;
import dev.quarkflow.metadata.domain.PropertyRules;
import dev.quarkflow.metadata.domain.TypeDef;
import dev.quarkflow.metadata.domain.filter.CompiledFilter;
import dev.quarkflow.metadata.domain.filter.FilterQueryCompiler;
import dev.quarkflow.metadata.domain.listing.ListOptions;
import dev.quarkflow.metadata.domain.listing.OrderField;
import dev.quarkflow.metadata.domain.listing.PageToken;
import dev.quarkflow.proto.mlmd.Value;

/** Artifacts, executions and contexts: creates, updates and every read by id, name, type, filter and page. */
@ApplicationScoped
@Transactional
public class NodeStore {

    private static final int IN_LIST_CHUNK = 500;

    @Inject
    StoreSession db;

    @Inject
    TypeStore types;

    @Inject
    Clock clock;

    private Session session() {
        return db.get();
    }

    // --- writes ---

    /** Creates nodes without id and updates those with one; all or nothing. Returns ids aligned with the input. */
    public List<Long> put(String field, List<Node> nodes, List<String> updateMask, boolean abortIfUpdated) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ids.add(put(field + "[" + i + "]", nodes.get(i), updateMask, abortIfUpdated));
        }
        session().flush();
        return ids;
    }

    public long put(String field, Node node, List<String> updateMask, boolean abortIfUpdated) {
        return node.id() == null ? create(field, node) : update(field, node, updateMask, abortIfUpdated);
    }

    private long create(String field, Node node) {
        if (node.typeId() == null) {
            throw QuarkflowException.invalidArgument(field + ".type_id", "required when creating a " + node.kind()
                    .label());
        }
        TypeDef type = types.forNode(node.kind(), node.typeId(), node.properties().keySet())
                .orElseThrow(() -> QuarkflowException.notFound(field + ".type_id", "no " + node.kind().label()
                        + " type with id " + node.typeId()));
        checkNode(field, node, type);
        checkUnique(field, node, null);
        NodeEntity entity = NodeRows.newEntity(node.kind());
        entity.typeId = node.typeId();
        NodeRows.copyInto(node, entity);
        entity.createTime = clock.millis();
        entity.lastUpdateTime = entity.createTime;
        session().persist(entity);
        writeProperties(node.kind(), entity.id, List.of(), node);
        return entity.id;
    }

    private long update(String field, Node request, List<String> updateMask, boolean abortIfUpdated) {
        NodeKind kind = request.kind();
        NodeEntity entity = session().find(NodeRows.entityClass(kind), request.id());
        if (entity == null) {
            throw QuarkflowException.invalidArgument(field + ".id", "no " + kind.label() + " with id " + request.id());
        }
        if (request.typeId() != null && request.typeId() != entity.typeId) {
            throw QuarkflowException.invalidArgument(field + ".type_id", "the type of " + kind.label() + " "
                    + request.id() + " is " + entity.typeId + " and cannot change to " + request.typeId());
        }
        if (abortIfUpdated && !Objects.equals(request.lastUpdateTime(), entity.lastUpdateTime)) {
            throw QuarkflowException.failedPrecondition(field + ".last_update_time_since_epoch",
                    kind.label() + " " + request.id() + " was updated at " + entity.lastUpdateTime
                            + ", after the given " + request.lastUpdateTime());
        }
        List<PropertyEntity> rows = propertyRows(kind, List.of(entity.id));
        Node stored = NodeRows.toNode(kind, entity, null, rows);
        Node merged = NodeUpdate.merge(stored, request, updateMask);
        if (merged.writable().equals(stored.writable())) {
            return entity.id;
        }
        TypeDef type = types.forNode(kind, entity.typeId, merged.properties().keySet()).orElseThrow();
        checkNode(field, merged, type);
        checkUnique(field, merged, entity.id);
        NodeRows.copyInto(merged, entity);
        entity.lastUpdateTime = Math.max(clock.millis(), entity.lastUpdateTime + 1);
        writeProperties(kind, entity.id, rows, merged);
        return entity.id;
    }

    private static void checkNode(String field, Node node, TypeDef type) {
        if (node.kind() == NodeKind.CONTEXT && (node.name() == null || node.name().isEmpty())) {
            throw QuarkflowException.invalidArgument(field + ".name", "a context needs a non-empty name");
        }
        node.properties().forEach((name, value) -> PropertyRules.checkDeclared(field, name, value,
                type.properties()));
        node.customProperties().forEach((name, value) -> PropertyRules.checkCustom(field, name, value));
    }

    private void checkUnique(String field, Node node, Long ownId) {
        String entity = FilterQueryCompiler.entityName(node.kind());
        if (node.name() != null) {
            long clashes = session().createSelectionQuery("select count(n) from " + entity
                    + " n where n.typeId = :t and n.name = :n and n.id <> :id", Long.class)
                    .setParameter("t", node.typeId()).setParameter("n", node.name())
                    .setParameter("id", ownId == null ? -1L : ownId).getSingleResult();
            if (clashes > 0) {
                throw QuarkflowException.alreadyExists(field + ".name", "a " + node.kind().label() + " named '"
                        + node.name() + "' of type " + node.typeId() + " already exists");
            }
        }
        if (node.externalId() != null) {
            long clashes = session().createSelectionQuery("select count(n) from " + entity
                    + " n where n.externalId = :e and n.id <> :id", Long.class)
                    .setParameter("e", node.externalId()).setParameter("id", ownId == null ? -1L : ownId)
                    .getSingleResult();
            if (clashes > 0) {
                throw QuarkflowException.alreadyExists(field + ".external_id", "a " + node.kind().label()
                        + " with external_id '" + node.externalId() + "' already exists");
            }
        }
    }

    private void writeProperties(NodeKind kind, long nodeId, List<PropertyEntity> existing, Node desired) {
        Map<String, PropertyEntity> current = new HashMap<>();
        existing.forEach(row -> current.put(key(row.custom, row.name), row));
        Map<String, Value> wanted = new LinkedHashMap<>();
        desired.properties().forEach((name, value) -> wanted.put(key(false, name), value));
        desired.customProperties().forEach((name, value) -> wanted.put(key(true, name), value));
        for (var entry : current.entrySet()) {
            if (!wanted.containsKey(entry.getKey())) {
                session().remove(entry.getValue());
            }
        }
        for (var entry : wanted.entrySet()) {
            PropertyEntity row = current.get(entry.getKey());
            if (row == null) {
                row = new PropertyEntity();
                row.nodeKind = kind.code();
                row.nodeId = nodeId;
                row.custom = entry.getKey().startsWith("c:");
                row.name = entry.getKey().substring(2);
                NodeRows.setValue(row, entry.getValue());
                session().persist(row);
            } else if (!NodeRows.toValue(row).equals(entry.getValue())) {
                NodeRows.setValue(row, entry.getValue());
            }
        }
    }

    private static String key(boolean custom, String name) {
        return (custom ? "c:" : "p:") + name;
    }

    // --- reads ---

    /** Nodes with these ids, in id order; unknown ids are skipped. */
    public List<Node> byIds(NodeKind kind, Collection<Long> ids) {
        List<NodeEntity> entities = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(Set.copyOf(ids)))) {
            entities.addAll(session().createSelectionQuery("from " + FilterQueryCompiler.entityName(kind)
                    + " n where n.id in :ids", NodeEntity.class).setParameter("ids", chunk).getResultList());
        }
        entities.sort((a, b) -> Long.compare(a.id, b.id));
        return toNodes(kind, entities);
    }

    public List<Node> byExternalIds(NodeKind kind, Collection<String> externalIds) {
        return toNodes(kind, session().createSelectionQuery("from " + FilterQueryCompiler.entityName(kind)
                + " n where n.externalId in :ids order by n.id", NodeEntity.class)
                .setParameter("ids", Set.copyOf(externalIds)).getResultList());
    }

    public List<Node> artifactsByUris(Collection<String> uris) {
        return toNodes(NodeKind.ARTIFACT, session().createSelectionQuery(
                "from ArtifactEntity n where n.uri in :uris order by n.id", NodeEntity.class)
                .setParameter("uris", Set.copyOf(uris)).getResultList());
    }

    public java.util.Optional<Node> byTypeAndName(NodeKind kind, long typeId, String name) {
        return entityByTypeAndName(kind, typeId, name).map(entity -> toNodes(kind, List.of(entity)).get(0));
    }

    /** The id of the node of this type and name, without reading its properties (reuse of contexts). */
    public java.util.Optional<Long> idByTypeAndName(NodeKind kind, long typeId, String name) {
        // the entity rather than its id: the links written next find it in the session
        return entityByTypeAndName(kind, typeId, name).map(entity -> entity.id);
    }

    private java.util.Optional<NodeEntity> entityByTypeAndName(NodeKind kind, long typeId, String name) {
        return session().createSelectionQuery("from " + FilterQueryCompiler.entityName(kind)
                + " n where n.typeId = :t and n.name = :n", NodeEntity.class)
                .setParameter("t", typeId).setParameter("n", name).uniqueResultOptional();
    }

    /** Every node in scope, by id, when the request has no options. */
    public List<Node> all(NodeKind kind, NodeScope scope) {
        Query query = new Query(kind, scope);
        return toNodes(kind, query.select("order by n.id").getResultList());
    }

    /** One page of the nodes in scope that match the filter. */
    public NodePage page(NodeKind kind, NodeScope scope, ListOptions options) {
        Query query = new Query(kind, scope);
        if (options.filterQuery() != null) {
            query.filter(options.filterQuery());
        }
        String column = switch (options.field()) {
            case CREATE_TIME -> "n.createTime";
            case LAST_UPDATE_TIME -> "n.lastUpdateTime";
            case ID -> "n.id";
        };
        String comparison = options.ascending() ? ">" : "<";
        PageToken token = options.pageToken();
        if (token != null) {
            if (token.field() != options.field() || token.ascending() != options.ascending()) {
                throw QuarkflowException.invalidArgument("options.next_page_token",
                        "options mismatch: the token was issued for another order_by_field");
            }
            if (options.field() == OrderField.ID) {
                query.where("n.id " + comparison + " :lastId").parameter("lastId", token.lastId());
            } else {
                query.where("(" + column + " " + comparison + " :lastValue or (" + column + " = :lastValue and n.id "
                        + comparison + " :lastId))").parameter("lastValue", token.lastFieldValue())
                        .parameter("lastId", token.lastId());
            }
        }
        String direction = options.ascending() ? " asc" : " desc";
        String order = options.field() == OrderField.ID ? "order by n.id" + direction
                : "order by " + column + direction + ", n.id" + direction;
        List<NodeEntity> rows = query.select(order).setMaxResults(options.fetchSize()).getResultList();
        List<NodeEntity> page = rows.subList(0, options.pageSize(rows.size()));
        String next = null;
        if (options.hasNextPage(rows.size())) {
            NodeEntity last = page.get(page.size() - 1);
            long lastValue = switch (options.field()) {
                case CREATE_TIME -> last.createTime;
                case LAST_UPDATE_TIME -> last.lastUpdateTime;
                case ID -> last.id;
            };
            next = new PageToken(options.field(), options.ascending(), lastValue, last.id).encode();
        }
        return new NodePage(toNodes(kind, page), next);
    }

    /** Ids among the candidates that match the filter (lineage boundaries and starting nodes). */
    public List<Long> matchingIds(NodeKind kind, String field, String filterQuery, Collection<Long> candidates,
            int limit) {
        Query query = new Query(kind, NodeScope.ALL);
        query.filter(field, filterQuery);
        if (candidates != null) {
            if (candidates.isEmpty()) {
                return List.of();
            }
            query.where("n.id in :candidates").parameter("candidates", Set.copyOf(candidates));
        }
        var select = query.select("order by n.id");
        if (limit > 0) {
            select.setMaxResults(limit);
        }
        return select.getResultList().stream().map(n -> n.id).toList();
    }

    /** Builds {@code from <Entity> n where ...} with named parameters only. */
    private final class Query {
        private final NodeKind kind;
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();

        Query(NodeKind kind, NodeScope scope) {
            this.kind = kind;
            if (scope.typeId() != null) {
                where("n.typeId = :typeId").parameter("typeId", scope.typeId());
            }
            if (scope.contextId() != null) {
                String link = kind == NodeKind.ARTIFACT
                        ? "exists (select 1 from AttributionEntity l where l.artifactId = n.id and l.contextId = :ctx)"
                        : "exists (select 1 from AssociationEntity l where l.executionId = n.id and l.contextId = :ctx)";
                where(link).parameter("ctx", scope.contextId());
            }
        }

        Query filter(String filterQuery) {
            return filter("options.filter_query", filterQuery);
        }

        Query filter(String field, String filterQuery) {
            CompiledFilter filter = FilterQueryCompiler.compile(field, filterQuery, kind, "fn", "f");
            String entity = FilterQueryCompiler.entityName(kind);
            where("n.id in (select fn.id from " + entity + " fn " + filter.joins() + " where " + filter.where() + ")");
            parameters.putAll(filter.parameters());
            return this;
        }

        Query where(String condition) {
            conditions.add(condition);
            return this;
        }

        Query parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        SelectionQuery<NodeEntity> select(String orderBy) {
            String hql = "from " + FilterQueryCompiler.entityName(kind) + " n"
                    + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + " " + orderBy;
            SelectionQuery<NodeEntity> query = session().createSelectionQuery(hql, NodeEntity.class);
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    // --- row mapping ---

    List<Node> toNodes(NodeKind kind, List<? extends NodeEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        List<Long> ids = entities.stream().map(e -> e.id).toList();
        Map<Long, List<PropertyEntity>> properties = new HashMap<>();
        propertyRows(kind, ids).forEach(row -> properties.computeIfAbsent(row.nodeId, id -> new ArrayList<>())
                .add(row));
        Map<Long, String> typeNames = types.namesOf(entities.stream().map(e -> e.typeId).distinct().toList());
        return entities.stream().map(entity -> NodeRows.toNode(kind, entity, typeNames.get(entity.typeId),
                properties.getOrDefault(entity.id, List.of()))).toList();
    }

    private List<PropertyEntity> propertyRows(NodeKind kind, List<Long> nodeIds) {
        List<PropertyEntity> rows = new ArrayList<>();
        for (List<Long> chunk : chunks(nodeIds)) {
            rows.addAll(session().createSelectionQuery(
                    "from PropertyEntity p where p.nodeKind = :k and p.nodeId in :ids", PropertyEntity.class)
                    .setParameter("k", kind.code()).setParameter("ids", chunk).getResultList());
        }
        return rows;
    }

    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += IN_LIST_CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + IN_LIST_CHUNK)));
        }
        return chunks;
    }
}

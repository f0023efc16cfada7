package dev.quarkflow.metadata.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.BuiltinTypes;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.metadata.domain.TypeDef;
import dev.quarkflow.metadata.domain.TypeEvolution;
import dev.quarkflow.proto.mlmd.PropertyType;
import io.grpc.Status;

/** Artifact, execution and context types: upsert with upstream's evolution rules, and lookups. */
@ApplicationScoped
@Transactional
public class TypeStore {

    @Inject
    StoreSession db;

    @Inject
    TypeCache cache;

    private Session session() {
        return db.get();
    }

    /** Upserts one type (PutArtifactType and friends); returns its id. */
    public long put(String field, TypeDef type, boolean canAddFields, boolean canOmitFields) {
        if (type.name() == null || type.name().isEmpty()) {
            throw QuarkflowException.invalidArgument(field + ".name", "a type needs a non-empty name");
        }
        type.properties().forEach((name, propertyType) -> {
            if (propertyType == PropertyType.UNKNOWN) {
                throw QuarkflowException.invalidArgument(field + ".properties[" + name + "]",
                        "property type must not be UNKNOWN");
            }
        });
        if (type.baseType() != null && type.baseType() == 0) {
            throw Status.UNIMPLEMENTED.withDescription(field + ".base_type: deletion of a base type is not supported")
                    .asRuntimeException();
        }
        Optional<TypeEntity> existing = findEntity(type.kind(), type.name(), type.version());
        if (existing.isEmpty()) {
            return create(field, type);
        }
        TypeEntity stored = existing.get();
        Map<String, PropertyType> added = TypeEvolution.addedProperties(field, propertiesOf(stored.id),
                type.properties(), canAddFields, canOmitFields);
        if (type.baseType() != null && !type.baseType().equals(stored.baseType)) {
            throw Status.UNIMPLEMENTED.withDescription(field + ".base_type: update of a base type is not supported")
                    .asRuntimeException();
        }
        if (type.externalId() != null && !type.externalId().equals(stored.externalId)) {
            requireExternalIdFree(field, type.externalId());
            cache.typesWritten();
            stored.externalId = type.externalId();
        }
        if (!added.isEmpty()) {
            cache.typesWritten();
        }
        added.forEach((name, propertyType) -> persistProperty(stored.id, name, propertyType));
        session().flush();
        return stored.id;
    }

    /** PutTypes: artifact, then execution, then context types, all or nothing; ids per kind, aligned. */
    public List<List<Long>> putAll(List<TypeDef> artifactTypes, List<TypeDef> executionTypes,
            List<TypeDef> contextTypes, boolean canAddFields, boolean canOmitFields) {
        List<List<Long>> ids = new ArrayList<>();
        for (var entry : List.of(Map.entry("artifact_types", artifactTypes),
                Map.entry("execution_types", executionTypes), Map.entry("context_types", contextTypes))) {
            List<Long> kindIds = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                kindIds.add(put(entry.getKey() + "[" + i + "]", entry.getValue().get(i), canAddFields,
                        canOmitFields));
            }
            ids.add(kindIds);
        }
        return ids;
    }

    private long create(String field, TypeDef type) {
        if (type.externalId() != null) {
            requireExternalIdFree(field, type.externalId());
        }
        cache.typesWritten();
        TypeEntity entity = new TypeEntity();
        entity.kind = type.kind().code();
        entity.name = type.name();
        entity.version = type.version() == null ? "" : type.version();
        entity.description = type.description();
        entity.externalId = type.externalId();
        entity.baseType = type.baseType();
        entity.inputType = type.inputType();
        entity.outputType = type.outputType();
        session().persist(entity);
        type.properties().forEach((name, propertyType) -> persistProperty(entity.id, name, propertyType));
        session().flush();
        return entity.id;
    }

    private void requireExternalIdFree(String field, String externalId) {
        long clashes = session().createSelectionQuery("select count(t) from TypeEntity t where t.externalId = :e",
                Long.class).setParameter("e", externalId).getSingleResult();
        if (clashes > 0) {
            throw QuarkflowException.alreadyExists(field + ".external_id",
                    "a type with external_id '" + externalId + "' already exists");
        }
    }

    private void persistProperty(long typeId, String name, PropertyType propertyType) {
        TypePropertyEntity property = new TypePropertyEntity();
        property.typeId = typeId;
        property.name = name;
        property.dataType = propertyType.getNumber();
        session().persist(property);
    }

    /** Creates the built-in system types if absent (idempotent, run at every start). */
    public void ensureBuiltins() {
        for (NodeKind kind : List.of(NodeKind.ARTIFACT, NodeKind.EXECUTION)) {
            for (String name : BuiltinTypes.names(kind)) {
                if (findEntity(kind, name, null).isEmpty()) {
                    create("builtin", new TypeDef(kind, null, name, null, null, null, null, Map.of(), null, null));
                }
            }
        }
    }

    public Optional<TypeDef> byName(NodeKind kind, String name, String version) {
        return findEntity(kind, name, version).map(entity -> toDefs(List.of(entity)).get(0));
    }

    /**
     * The type a node of this kind is written with, from the cache when it declares all these property names;
     * read again from the database when it does not (another writer may have added them).
     */
    public Optional<TypeDef> forNode(NodeKind kind, long id, Set<String> propertyNames) {
        Optional<TypeDef> cached = cache.get(id);
        if (cached.isPresent() && cached.get().properties().keySet().containsAll(propertyNames)) {
            return cached.filter(type -> type.kind() == kind);
        }
        Optional<TypeDef> read = byIds(kind, List.of(id)).stream().findFirst();
        read.ifPresent(cache::remember);
        return read;
    }

    /** Types of this kind with these ids, in id order; ids of missing types or other kinds are skipped. */
    public List<TypeDef> byIds(NodeKind kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return toDefs(session().createSelectionQuery(
                "from TypeEntity t where t.kind = :k and t.id in :ids order by t.id", TypeEntity.class)
                .setParameter("k", kind.code()).setParameter("ids", Set.copyOf(ids)).getResultList());
    }

    public List<TypeDef> byExternalIds(NodeKind kind, Collection<String> externalIds) {
        return toDefs(session().createSelectionQuery(
                "from TypeEntity t where t.kind = :k and t.externalId in :ids order by t.id", TypeEntity.class)
                .setParameter("k", kind.code()).setParameter("ids", Set.copyOf(externalIds)).getResultList());
    }

    /** All types of the kind, optionally without the built-in system types. */
    public List<TypeDef> all(NodeKind kind, boolean includeBuiltins) {
        List<TypeDef> all = toDefs(session().createSelectionQuery(
                "from TypeEntity t where t.kind = :k order by t.id", TypeEntity.class)
                .setParameter("k", kind.code()).getResultList());
        return includeBuiltins ? all
                : all.stream().filter(type -> !BuiltinTypes.isBuiltin(kind, type.name(), type.version())).toList();
    }

    /** Type names by id, for filling the output-only {@code type} field of nodes (names never change). */
    public Map<Long, String> namesOf(Collection<Long> typeIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : typeIds) {
            cache.get(id).ifPresentOrElse(type -> names.put(id, type.name()), () -> missing.add(id));
        }
        if (missing.isEmpty()) {
            return names;
        }
        for (TypeDef type : toDefs(session().createSelectionQuery("from TypeEntity t where t.id in :ids",
                TypeEntity.class).setParameter("ids", Set.copyOf(missing)).getResultList())) {
            cache.remember(type);
            names.put(type.id(), type.name());
        }
        return names;
    }

    private Optional<TypeEntity> findEntity(NodeKind kind, String name, String version) {
        return session().createSelectionQuery(
                "from TypeEntity t where t.kind = :k and t.name = :n and t.version = :v", TypeEntity.class)
                .setParameter("k", kind.code()).setParameter("n", name)
                .setParameter("v", version == null ? "" : version)
                .uniqueResultOptional();
    }

    private Map<String, PropertyType> propertiesOf(long typeId) {
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        session().createSelectionQuery("from TypePropertyEntity p where p.typeId = :t order by p.name",
                TypePropertyEntity.class).setParameter("t", typeId).getResultList()
                .forEach(p -> properties.put(p.name, PropertyType.forNumber(p.dataType)));
        return properties;
    }

    private List<TypeDef> toDefs(List<TypeEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, PropertyType>> properties = new HashMap<>();
        session().createSelectionQuery("from TypePropertyEntity p where p.typeId in :ids order by p.name",
                TypePropertyEntity.class)
                .setParameter("ids", entities.stream().map(t -> t.id).toList()).getResultList()
                .forEach(p -> properties.computeIfAbsent(p.typeId, id -> new LinkedHashMap<>())
                        .put(p.name, PropertyType.forNumber(p.dataType)));
        List<TypeDef> defs = new ArrayList<>();
        for (TypeEntity t : entities) {
            defs.add(new TypeDef(kindOf(t.kind), t.id, t.name, t.version, t.description, t.externalId, t.baseType,
                    properties.getOrDefault(t.id, Map.of()), t.inputType, t.outputType));
        }
        return defs;
    }

    private static NodeKind kindOf(int code) {
        for (NodeKind kind : NodeKind.values()) {
            if (kind.code() == code) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown type kind " + code);
    }
}

package dev.quarkflow.metadata.grpc;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.metadata.domain.TypeDef;
import dev.quarkflow.metadata.domain.lineage.LineageWalk;
import dev.quarkflow.metadata.domain.listing.ListOptions;
import dev.quarkflow.metadata.store.CompositeStore;
import dev.quarkflow.metadata.store.EdgeStore;
import dev.quarkflow.metadata.store.LineageStore;
import dev.quarkflow.metadata.store.NodePage;
import dev.quarkflow.metadata.store.NodeScope;
import dev.quarkflow.metadata.store.NodeStore;
import dev.quarkflow.metadata.store.TypeStore;
import dev.quarkflow.proto.mlmd.*;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * ml_metadata.MetadataStoreService (MLMD 1.14): maps requests to store calls and results back. Each RPC runs in one
 * transaction (retried on a lost uniqueness race), on a worker thread.
 */
@GrpcService
@Blocking
public class MetadataStoreGrpcService implements MetadataStoreService {

    private static final long LINEAGE_GRAPH_MAX_HOPS = 20;
    private static final long LINEAGE_SUBGRAPH_MAX_HOPS = 100;

    @Inject
    TypeStore types;

    @Inject
    NodeStore nodes;

    @Inject
    EdgeStore edges;

    @Inject
    CompositeStore composites;

    @Inject
    LineageStore lineage;

    @Inject
    ConflictRetry retry;

    /**
     * Runs one RPC. Failures are mapped here with this application's classes: the ExceptionHandlerProvider that
     * quarkus-grpc keeps may belong to an earlier application started in the same JVM (tests restart Quarkus), for
     * which our exception types are foreign classes.
     */
    private <T> Uni<T> call(String rpc, Supplier<T> work) {
        return Uni.createFrom().item(() -> retry.run(rpc, work)).onFailure()
                .transform(StatusMapping::toStatusException);
    }

    // --- types ---

    @Override
    public Uni<PutArtifactTypeResponse> putArtifactType(PutArtifactTypeRequest request) {
        return call("PutArtifactType", () -> {
            requireAllFieldsMatch(request.getAllFieldsMatch());
            require("artifact_type", request.hasArtifactType());
            long id = types.put("artifact_type", TypeMapper.fromArtifactType(request.getArtifactType()),
                    request.getCanAddFields(), request.getCanOmitFields());
            return PutArtifactTypeResponse.newBuilder().setTypeId(id).build();
        });
    }

    @Override
    public Uni<PutExecutionTypeResponse> putExecutionType(PutExecutionTypeRequest request) {
        return call("PutExecutionType", () -> {
            requireAllFieldsMatch(request.getAllFieldsMatch());
            require("execution_type", request.hasExecutionType());
            long id = types.put("execution_type", TypeMapper.fromExecutionType(request.getExecutionType()),
                    request.getCanAddFields(), request.getCanOmitFields());
            return PutExecutionTypeResponse.newBuilder().setTypeId(id).build();
        });
    }

    @Override
    public Uni<PutContextTypeResponse> putContextType(PutContextTypeRequest request) {
        return call("PutContextType", () -> {
            requireAllFieldsMatch(request.getAllFieldsMatch());
            require("context_type", request.hasContextType());
            long id = types.put("context_type", TypeMapper.fromContextType(request.getContextType()),
                    request.getCanAddFields(), request.getCanOmitFields());
            return PutContextTypeResponse.newBuilder().setTypeId(id).build();
        });
    }

    @Override
    public Uni<PutTypesResponse> putTypes(PutTypesRequest request) {
        return call("PutTypes", () -> {
            requireAllFieldsMatch(request.getAllFieldsMatch());
            List<List<Long>> ids = types.putAll(
                    request.getArtifactTypesList().stream().map(TypeMapper::fromArtifactType).toList(),
                    request.getExecutionTypesList().stream().map(TypeMapper::fromExecutionType).toList(),
                    request.getContextTypesList().stream().map(TypeMapper::fromContextType).toList(),
                    request.getCanAddFields(), request.getCanOmitFields());
            return PutTypesResponse.newBuilder().addAllArtifactTypeIds(ids.get(0))
                    .addAllExecutionTypeIds(ids.get(1)).addAllContextTypeIds(ids.get(2)).build();
        });
    }

    @Override
    public Uni<GetArtifactTypeResponse> getArtifactType(GetArtifactTypeRequest request) {
        return call("GetArtifactType", () -> GetArtifactTypeResponse.newBuilder().setArtifactType(TypeMapper
                .toArtifactType(typeNamed(NodeKind.ARTIFACT, request.getTypeName(), request.getTypeVersion())))
                .build());
    }

    @Override
    public Uni<GetExecutionTypeResponse> getExecutionType(GetExecutionTypeRequest request) {
        return call("GetExecutionType", () -> GetExecutionTypeResponse.newBuilder().setExecutionType(TypeMapper
                .toExecutionType(typeNamed(NodeKind.EXECUTION, request.getTypeName(), request.getTypeVersion())))
                .build());
    }

    @Override
    public Uni<GetContextTypeResponse> getContextType(GetContextTypeRequest request) {
        return call("GetContextType", () -> GetContextTypeResponse.newBuilder().setContextType(TypeMapper
                .toContextType(typeNamed(NodeKind.CONTEXT, request.getTypeName(), request.getTypeVersion())))
                .build());
    }

    private TypeDef typeNamed(NodeKind kind, String name, String version) {
        return types.byName(kind, name, version).orElseThrow(() -> QuarkflowException.notFound("type_name",
                "no " + kind.label() + " type named '" + name + "'"
                        + (version.isEmpty() ? "" : " with version '" + version + "'")));
    }

    @Override
    public Uni<GetArtifactTypesByIDResponse> getArtifactTypesByID(GetArtifactTypesByIDRequest request) {
        return call("GetArtifactTypesByID", () -> GetArtifactTypesByIDResponse.newBuilder().addAllArtifactTypes(
                map(types.byIds(NodeKind.ARTIFACT, request.getTypeIdsList()), TypeMapper::toArtifactType)).build());
    }

    @Override
    public Uni<GetExecutionTypesByIDResponse> getExecutionTypesByID(GetExecutionTypesByIDRequest request) {
        return call("GetExecutionTypesByID", () -> GetExecutionTypesByIDResponse.newBuilder().addAllExecutionTypes(
                map(types.byIds(NodeKind.EXECUTION, request.getTypeIdsList()), TypeMapper::toExecutionType))
                .build());
    }

    @Override
    public Uni<GetContextTypesByIDResponse> getContextTypesByID(GetContextTypesByIDRequest request) {
        return call("GetContextTypesByID", () -> GetContextTypesByIDResponse.newBuilder().addAllContextTypes(
                map(types.byIds(NodeKind.CONTEXT, request.getTypeIdsList()), TypeMapper::toContextType)).build());
    }

    @Override
    public Uni<GetArtifactTypesResponse> getArtifactTypes(GetArtifactTypesRequest request) {
        return call("GetArtifactTypes", () -> GetArtifactTypesResponse.newBuilder().addAllArtifactTypes(
                map(types.all(NodeKind.ARTIFACT, false), TypeMapper::toArtifactType)).build());
    }

    @Override
    public Uni<GetExecutionTypesResponse> getExecutionTypes(GetExecutionTypesRequest request) {
        return call("GetExecutionTypes", () -> GetExecutionTypesResponse.newBuilder().addAllExecutionTypes(
                map(types.all(NodeKind.EXECUTION, false), TypeMapper::toExecutionType)).build());
    }

    @Override
    public Uni<GetContextTypesResponse> getContextTypes(GetContextTypesRequest request) {
        return call("GetContextTypes", () -> GetContextTypesResponse.newBuilder().addAllContextTypes(
                map(types.all(NodeKind.CONTEXT, true), TypeMapper::toContextType)).build());
    }

    @Override
    public Uni<GetArtifactTypesByExternalIdsResponse> getArtifactTypesByExternalIds(
            GetArtifactTypesByExternalIdsRequest request) {
        return call("GetArtifactTypesByExternalIds", () -> GetArtifactTypesByExternalIdsResponse.newBuilder()
                .addAllArtifactTypes(map(byExternalIds(request.getExternalIdsList(),
                        ids -> types.byExternalIds(NodeKind.ARTIFACT, ids)), TypeMapper::toArtifactType))
                .build());
    }

    @Override
    public Uni<GetExecutionTypesByExternalIdsResponse> getExecutionTypesByExternalIds(
            GetExecutionTypesByExternalIdsRequest request) {
        return call("GetExecutionTypesByExternalIds", () -> GetExecutionTypesByExternalIdsResponse.newBuilder()
                .addAllExecutionTypes(map(byExternalIds(request.getExternalIdsList(),
                        ids -> types.byExternalIds(NodeKind.EXECUTION, ids)), TypeMapper::toExecutionType))
                .build());
    }

    @Override
    public Uni<GetContextTypesByExternalIdsResponse> getContextTypesByExternalIds(
            GetContextTypesByExternalIdsRequest request) {
        return call("GetContextTypesByExternalIds", () -> GetContextTypesByExternalIdsResponse.newBuilder()
                .addAllContextTypes(map(byExternalIds(request.getExternalIdsList(),
                        ids -> types.byExternalIds(NodeKind.CONTEXT, ids)), TypeMapper::toContextType))
                .build());
    }

    // --- node writes ---

    @Override
    public Uni<PutArtifactsResponse> putArtifacts(PutArtifactsRequest request) {
        return call("PutArtifacts", () -> PutArtifactsResponse.newBuilder().addAllArtifactIds(nodes.put("artifacts",
                map(request.getArtifactsList(), NodeMapper::fromArtifact), request.getUpdateMask().getPathsList(),
                request.getOptions().getAbortIfLatestUpdatedTimeChanged())).build());
    }

    @Override
    public Uni<PutExecutionsResponse> putExecutions(PutExecutionsRequest request) {
        return call("PutExecutions", () -> PutExecutionsResponse.newBuilder().addAllExecutionIds(nodes.put(
                "executions", map(request.getExecutionsList(), NodeMapper::fromExecution),
                request.getUpdateMask().getPathsList(), false)).build());
    }

    @Override
    public Uni<PutContextsResponse> putContexts(PutContextsRequest request) {
        return call("PutContexts", () -> PutContextsResponse.newBuilder().addAllContextIds(nodes.put("contexts",
                map(request.getContextsList(), NodeMapper::fromContext), request.getUpdateMask().getPathsList(),
                false)).build());
    }

    // --- edge writes ---

    @Override
    public Uni<PutEventsResponse> putEvents(PutEventsRequest request) {
        return call("PutEvents", () -> {
            edges.putEvents(request.getEventsList());
            return PutEventsResponse.getDefaultInstance();
        });
    }

    @Override
    public Uni<PutAttributionsAndAssociationsResponse> putAttributionsAndAssociations(
            PutAttributionsAndAssociationsRequest request) {
        return call("PutAttributionsAndAssociations", () -> {
            edges.putAttributionsAndAssociations(request.getAttributionsList(), request.getAssociationsList());
            return PutAttributionsAndAssociationsResponse.getDefaultInstance();
        });
    }

    @Override
    public Uni<PutParentContextsResponse> putParentContexts(PutParentContextsRequest request) {
        return call("PutParentContexts", () -> {
            edges.putParentContexts(request.getParentContextsList());
            return PutParentContextsResponse.getDefaultInstance();
        });
    }

    // --- composite writes ---

    @Override
    public Uni<PutExecutionResponse> putExecution(PutExecutionRequest request) {
        return call("PutExecution", () -> {
            require("execution", request.hasExecution());
            List<CompositeStore.ArtifactAndEvent> pairs = map(request.getArtifactEventPairsList(),
                    pair -> new CompositeStore.ArtifactAndEvent(
                            pair.hasArtifact() ? NodeMapper.fromArtifact(pair.getArtifact()) : null,
                            pair.hasEvent() ? pair.getEvent() : null));
            CompositeStore.ExecutionWrite written = composites.putExecution(
                    NodeMapper.fromExecution(request.getExecution()), pairs,
                    map(request.getContextsList(), NodeMapper::fromContext),
                    request.getOptions().getReuseContextIfAlreadyExist(),
                    request.getOptions().getReuseArtifactIfAlreadyExistByExternalId());
            return PutExecutionResponse.newBuilder().setExecutionId(written.executionId())
                    .addAllArtifactIds(written.artifactIds()).addAllContextIds(written.contextIds()).build();
        });
    }

    @Override
    public Uni<PutLineageSubgraphResponse> putLineageSubgraph(PutLineageSubgraphRequest request) {
        return call("PutLineageSubgraph", () -> {
            List<CompositeStore.EventEdge> edgeList = map(request.getEventEdgesList(),
                    edge -> new CompositeStore.EventEdge(edge.hasExecutionIndex() ? edge.getExecutionIndex() : null,
                            edge.hasArtifactIndex() ? edge.getArtifactIndex() : null,
                            edge.hasEvent() ? edge.getEvent() : null));
            CompositeStore.SubgraphWrite written = composites.putLineageSubgraph(
                    map(request.getExecutionsList(), NodeMapper::fromExecution),
                    map(request.getArtifactsList(), NodeMapper::fromArtifact),
                    map(request.getContextsList(), NodeMapper::fromContext), edgeList,
                    request.getOptions().getReuseContextIfAlreadyExist(),
                    request.getOptions().getReuseArtifactIfAlreadyExistByExternalId());
            return PutLineageSubgraphResponse.newBuilder().addAllExecutionIds(written.executionIds())
                    .addAllArtifactIds(written.artifactIds()).addAllContextIds(written.contextIds()).build();
        });
    }

    // --- node reads ---

    @Override
    public Uni<GetArtifactsResponse> getArtifacts(GetArtifactsRequest request) {
        return call("GetArtifacts", () -> {
            NodePage page = list(NodeKind.ARTIFACT, NodeScope.ALL, request.hasOptions(), request.getOptions());
            var response = GetArtifactsResponse.newBuilder()
                    .addAllArtifacts(map(page.nodes(), NodeMapper::toArtifact));
            if (page.nextPageToken() != null) {
                response.setNextPageToken(page.nextPageToken());
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetExecutionsResponse> getExecutions(GetExecutionsRequest request) {
        return call("GetExecutions", () -> {
            NodePage page = list(NodeKind.EXECUTION, NodeScope.ALL, request.hasOptions(), request.getOptions());
            var response = GetExecutionsResponse.newBuilder()
                    .addAllExecutions(map(page.nodes(), NodeMapper::toExecution));
            if (page.nextPageToken() != null) {
                response.setNextPageToken(page.nextPageToken());
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetContextsResponse> getContexts(GetContextsRequest request) {
        return call("GetContexts", () -> {
            NodePage page = list(NodeKind.CONTEXT, NodeScope.ALL, request.hasOptions(), request.getOptions());
            var response = GetContextsResponse.newBuilder().addAllContexts(map(page.nodes(), NodeMapper::toContext));
            if (page.nextPageToken() != null) {
                response.setNextPageToken(page.nextPageToken());
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetArtifactsByIDResponse> getArtifactsByID(GetArtifactsByIDRequest request) {
        return call("GetArtifactsByID", () -> {
            List<Node> found = nodes.byIds(NodeKind.ARTIFACT, request.getArtifactIdsList());
            var response = GetArtifactsByIDResponse.newBuilder().addAllArtifacts(map(found, NodeMapper::toArtifact));
            if (request.getPopulateArtifactTypes()) {
                response.addAllArtifactTypes(map(types.byIds(NodeKind.ARTIFACT,
                        found.stream().map(Node::typeId).distinct().toList()), TypeMapper::toArtifactType));
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetExecutionsByIDResponse> getExecutionsByID(GetExecutionsByIDRequest request) {
        return call("GetExecutionsByID", () -> GetExecutionsByIDResponse.newBuilder().addAllExecutions(map(
                nodes.byIds(NodeKind.EXECUTION, request.getExecutionIdsList()), NodeMapper::toExecution)).build());
    }

    @Override
    public Uni<GetContextsByIDResponse> getContextsByID(GetContextsByIDRequest request) {
        return call("GetContextsByID", () -> GetContextsByIDResponse.newBuilder().addAllContexts(map(
                nodes.byIds(NodeKind.CONTEXT, request.getContextIdsList()), NodeMapper::toContext)).build());
    }

    @Override
    public Uni<GetArtifactsByTypeResponse> getArtifactsByType(GetArtifactsByTypeRequest request) {
        return call("GetArtifactsByType", () -> {
            NodePage page = byType(NodeKind.ARTIFACT, request.getTypeName(), request.getTypeVersion(),
                    request.hasOptions(), request.getOptions());
            var response = GetArtifactsByTypeResponse.newBuilder()
                    .addAllArtifacts(map(page.nodes(), NodeMapper::toArtifact));
            if (request.hasOptions()) {
                response.setNextPageToken(page.nextPageToken() == null ? "" : page.nextPageToken());
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetExecutionsByTypeResponse> getExecutionsByType(GetExecutionsByTypeRequest request) {
        return call("GetExecutionsByType", () -> {
            NodePage page = byType(NodeKind.EXECUTION, request.getTypeName(), request.getTypeVersion(),
                    request.hasOptions(), request.getOptions());
            var response = GetExecutionsByTypeResponse.newBuilder()
                    .addAllExecutions(map(page.nodes(), NodeMapper::toExecution));
            if (request.hasOptions()) {
                response.setNextPageToken(page.nextPageToken() == null ? "" : page.nextPageToken());
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetContextsByTypeResponse> getContextsByType(GetContextsByTypeRequest request) {
        return call("GetContextsByType", () -> {
            NodePage page = byType(NodeKind.CONTEXT, request.getTypeName(), request.getTypeVersion(),
                    request.hasOptions(), request.getOptions());
            var response = GetContextsByTypeResponse.newBuilder()
                    .addAllContexts(map(page.nodes(), NodeMapper::toContext));
            if (request.hasOptions()) {
                response.setNextPageToken(page.nextPageToken() == null ? "" : page.nextPageToken());
            }
            return response.build();
        });
    }

    private NodePage byType(NodeKind kind, String typeName, String typeVersion, boolean hasOptions,
            ListOperationOptions options) {
        return types.byName(kind, typeName, typeVersion)
                .map(type -> list(kind, NodeScope.ofType(type.id()), hasOptions, options))
                .orElse(new NodePage(List.of(), null));
    }

    @Override
    public Uni<GetArtifactByTypeAndNameResponse> getArtifactByTypeAndName(GetArtifactByTypeAndNameRequest request) {
        return call("GetArtifactByTypeAndName", () -> {
            var response = GetArtifactByTypeAndNameResponse.newBuilder();
            byTypeAndName(NodeKind.ARTIFACT, request.getTypeName(), request.getTypeVersion(),
                    request.getArtifactName()).ifPresent(node -> response.setArtifact(NodeMapper.toArtifact(node)));
            return response.build();
        });
    }

    @Override
    public Uni<GetExecutionByTypeAndNameResponse> getExecutionByTypeAndName(
            GetExecutionByTypeAndNameRequest request) {
        return call("GetExecutionByTypeAndName", () -> {
            var response = GetExecutionByTypeAndNameResponse.newBuilder();
            byTypeAndName(NodeKind.EXECUTION, request.getTypeName(), request.getTypeVersion(),
                    request.getExecutionName())
                    .ifPresent(node -> response.setExecution(NodeMapper.toExecution(node)));
            return response.build();
        });
    }

    @Override
    public Uni<GetContextByTypeAndNameResponse> getContextByTypeAndName(GetContextByTypeAndNameRequest request) {
        return call("GetContextByTypeAndName", () -> {
            var response = GetContextByTypeAndNameResponse.newBuilder();
            byTypeAndName(NodeKind.CONTEXT, request.getTypeName(), request.getTypeVersion(),
                    request.getContextName()).ifPresent(node -> response.setContext(NodeMapper.toContext(node)));
            return response.build();
        });
    }

    private java.util.Optional<Node> byTypeAndName(NodeKind kind, String typeName, String typeVersion,
            String name) {
        return types.byName(kind, typeName, typeVersion)
                .flatMap(type -> nodes.byTypeAndName(kind, type.id(), name));
    }

    @Override
    public Uni<GetArtifactsByURIResponse> getArtifactsByURI(GetArtifactsByURIRequest request) {
        return call("GetArtifactsByURI", () -> {
            if (request.getUnknownFields().hasField(1)) {
                throw QuarkflowException.invalidArgument("uri", "the single uri field is obsolete; use uris");
            }
            return GetArtifactsByURIResponse.newBuilder().addAllArtifacts(map(
                    nodes.artifactsByUris(request.getUrisList()), NodeMapper::toArtifact)).build();
        });
    }

    @Override
    public Uni<GetArtifactsByExternalIdsResponse> getArtifactsByExternalIds(
            GetArtifactsByExternalIdsRequest request) {
        return call("GetArtifactsByExternalIds", () -> GetArtifactsByExternalIdsResponse.newBuilder()
                .addAllArtifacts(map(byExternalIds(request.getExternalIdsList(),
                        ids -> nodes.byExternalIds(NodeKind.ARTIFACT, ids)), NodeMapper::toArtifact))
                .build());
    }

    @Override
    public Uni<GetExecutionsByExternalIdsResponse> getExecutionsByExternalIds(
            GetExecutionsByExternalIdsRequest request) {
        return call("GetExecutionsByExternalIds", () -> GetExecutionsByExternalIdsResponse.newBuilder()
                .addAllExecutions(map(byExternalIds(request.getExternalIdsList(),
                        ids -> nodes.byExternalIds(NodeKind.EXECUTION, ids)), NodeMapper::toExecution))
                .build());
    }

    @Override
    public Uni<GetContextsByExternalIdsResponse> getContextsByExternalIds(GetContextsByExternalIdsRequest request) {
        return call("GetContextsByExternalIds", () -> GetContextsByExternalIdsResponse.newBuilder()
                .addAllContexts(map(byExternalIds(request.getExternalIdsList(),
                        ids -> nodes.byExternalIds(NodeKind.CONTEXT, ids)), NodeMapper::toContext))
                .build());
    }

    /** Upstream: an empty list finds nothing, an empty id is invalid, and finding none at all is NOT_FOUND. */
    private static <T> List<T> byExternalIds(List<String> externalIds, Function<List<String>, List<T>> lookup) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < externalIds.size(); i++) {
            if (externalIds.get(i).isEmpty()) {
                throw QuarkflowException.invalidArgument("external_ids[" + i + "]", "must not be empty");
            }
        }
        List<T> found = lookup.apply(externalIds);
        if (found.isEmpty()) {
            throw QuarkflowException.notFound("external_ids", "none of the external ids exists");
        }
        return found;
    }

    // --- edge reads ---

    @Override
    public Uni<GetEventsByExecutionIDsResponse> getEventsByExecutionIDs(GetEventsByExecutionIDsRequest request) {
        return call("GetEventsByExecutionIDs", () -> GetEventsByExecutionIDsResponse.newBuilder()
                .addAllEvents(edges.eventsOfExecutions(request.getExecutionIdsList())).build());
    }

    @Override
    public Uni<GetEventsByArtifactIDsResponse> getEventsByArtifactIDs(GetEventsByArtifactIDsRequest request) {
        return call("GetEventsByArtifactIDs", () -> GetEventsByArtifactIDsResponse.newBuilder()
                .addAllEvents(edges.eventsOfArtifacts(request.getArtifactIdsList())).build());
    }

    @Override
    public Uni<GetContextsByArtifactResponse> getContextsByArtifact(GetContextsByArtifactRequest request) {
        return call("GetContextsByArtifact", () -> GetContextsByArtifactResponse.newBuilder().addAllContexts(map(
                nonEmpty(edges.contextsOfArtifact(request.getArtifactId()), "artifact_id",
                        "artifact " + request.getArtifactId() + " belongs to no context"),
                NodeMapper::toContext)).build());
    }

    @Override
    public Uni<GetContextsByExecutionResponse> getContextsByExecution(GetContextsByExecutionRequest request) {
        return call("GetContextsByExecution", () -> GetContextsByExecutionResponse.newBuilder().addAllContexts(map(
                nonEmpty(edges.contextsOfExecution(request.getExecutionId()), "execution_id",
                        "execution " + request.getExecutionId() + " belongs to no context"),
                NodeMapper::toContext)).build());
    }

    private static <T> List<T> nonEmpty(List<T> found, String field, String problem) {
        if (found.isEmpty()) {
            throw QuarkflowException.notFound(field, problem);
        }
        return found;
    }

    @Override
    public Uni<GetParentContextsByContextResponse> getParentContextsByContext(
            GetParentContextsByContextRequest request) {
        return call("GetParentContextsByContext", () -> GetParentContextsByContextResponse.newBuilder()
                .addAllContexts(map(edges.parentsOf(List.of(request.getContextId()))
                        .getOrDefault(request.getContextId(), List.of()), NodeMapper::toContext))
                .build());
    }

    @Override
    public Uni<GetChildrenContextsByContextResponse> getChildrenContextsByContext(
            GetChildrenContextsByContextRequest request) {
        return call("GetChildrenContextsByContext", () -> GetChildrenContextsByContextResponse.newBuilder()
                .addAllContexts(map(edges.childrenOf(List.of(request.getContextId()))
                        .getOrDefault(request.getContextId(), List.of()), NodeMapper::toContext))
                .build());
    }

    @Override
    public Uni<GetParentContextsByContextsResponse> getParentContextsByContexts(
            GetParentContextsByContextsRequest request) {
        return call("GetParentContextsByContexts", () -> {
            requireIds(request.getContextIdsList());
            var response = GetParentContextsByContextsResponse.newBuilder();
            edges.parentsOf(request.getContextIdsList()).forEach((child, parents) -> response.putContexts(child,
                    GetParentContextsByContextsResponse.ParentContextsPerChild.newBuilder()
                            .addAllParentContexts(map(parents, NodeMapper::toContext)).build()));
            return response.build();
        });
    }

    @Override
    public Uni<GetChildrenContextsByContextsResponse> getChildrenContextsByContexts(
            GetChildrenContextsByContextsRequest request) {
        return call("GetChildrenContextsByContexts", () -> {
            requireIds(request.getContextIdsList());
            var response = GetChildrenContextsByContextsResponse.newBuilder();
            edges.childrenOf(request.getContextIdsList()).forEach((parent, children) -> response.putContexts(parent,
                    GetChildrenContextsByContextsResponse.ChildrenContextsPerParent.newBuilder()
                            .addAllChildrenContexts(map(children, NodeMapper::toContext)).build()));
            return response.build();
        });
    }

    private static void requireIds(List<Long> contextIds) {
        if (contextIds.isEmpty()) {
            throw QuarkflowException.invalidArgument("context_ids", "must not be empty");
        }
    }

    @Override
    public Uni<GetArtifactsByContextResponse> getArtifactsByContext(GetArtifactsByContextRequest request) {
        return call("GetArtifactsByContext", () -> {
            NodePage page = list(NodeKind.ARTIFACT, NodeScope.inContext(request.getContextId()), request.hasOptions(),
                    request.getOptions());
            var response = GetArtifactsByContextResponse.newBuilder()
                    .addAllArtifacts(map(page.nodes(), NodeMapper::toArtifact));
            if (page.nextPageToken() != null) {
                response.setNextPageToken(page.nextPageToken());
            }
            return response.build();
        });
    }

    @Override
    public Uni<GetExecutionsByContextResponse> getExecutionsByContext(GetExecutionsByContextRequest request) {
        return call("GetExecutionsByContext", () -> {
            NodePage page = list(NodeKind.EXECUTION, NodeScope.inContext(request.getContextId()),
                    request.hasOptions(), request.getOptions());
            var response = GetExecutionsByContextResponse.newBuilder()
                    .addAllExecutions(map(page.nodes(), NodeMapper::toExecution));
            if (page.nextPageToken() != null) {
                response.setNextPageToken(page.nextPageToken());
            }
            return response.build();
        });
    }

    // --- lineage ---

    @Override
    public Uni<GetLineageGraphResponse> getLineageGraph(GetLineageGraphRequest request) {
        return call("GetLineageGraph", () -> {
            LineageGraphQueryOptions options = request.getOptions();
            if (!options.hasArtifactsOptions()) {
                throw QuarkflowException.invalidArgument("options.artifacts_options", "required");
            }
            var stop = options.getStopConditions();
            long hops = hops("options.stop_conditions.max_num_hops", stop.hasMaxNumHops(), stop.getMaxNumHops(),
                    LINEAGE_GRAPH_MAX_HOPS);
            ListOptions start = ListOptionsMapper.fromProto("options.artifacts_options",
                    options.getArtifactsOptions());
            LineageStore.Lineage found = lineage.graph(start, hops, options.getMaxNodeSize(),
                    stop.getBoundaryArtifacts(), stop.getBoundaryExecutions());
            return GetLineageGraphResponse.newBuilder().setSubgraph(LineageGraph.newBuilder()
                    .addAllArtifacts(map(found.artifacts(), NodeMapper::toArtifact))
                    .addAllExecutions(map(found.executions(), NodeMapper::toExecution))
                    .addAllEvents(found.events())
                    .addAllArtifactTypes(map(found.artifactTypes(), TypeMapper::toArtifactType))
                    .addAllExecutionTypes(map(found.executionTypes(), TypeMapper::toExecutionType))
                    .addAllContextTypes(map(found.contextTypes(), TypeMapper::toContextType))).build();
        });
    }

    @Override
    public Uni<GetLineageSubgraphResponse> getLineageSubgraph(GetLineageSubgraphRequest request) {
        return call("GetLineageSubgraph", () -> {
            LineageSubgraphQueryOptions options = request.getLineageSubgraphQueryOptions();
            String field = "lineage_subgraph_query_options";
            NodeKind startKind;
            String filter;
            if (options.hasStartingArtifacts()) {
                startKind = NodeKind.ARTIFACT;
                filter = options.getStartingArtifacts().getFilterQuery();
            } else if (options.hasStartingExecutions()) {
                startKind = NodeKind.EXECUTION;
                filter = options.getStartingExecutions().getFilterQuery();
            } else {
                throw QuarkflowException.invalidArgument(field + ".starting_nodes",
                        "needs starting_artifacts or starting_executions");
            }
            if (filter.isBlank()) {
                throw QuarkflowException.invalidArgument(field + ".starting_" + startKind.label() + "s.filter_query",
                        "must not be empty");
            }
            long hops = hops(field + ".max_num_hops", options.hasMaxNumHops(), options.getMaxNumHops(),
                    LINEAGE_SUBGRAPH_MAX_HOPS);
            LineageWalk.Direction direction = switch (options.getDirection()) {
                case UPSTREAM -> LineageWalk.Direction.UPSTREAM;
                case DOWNSTREAM -> LineageWalk.Direction.DOWNSTREAM;
                default -> LineageWalk.Direction.BIDIRECTIONAL;
            };
            LineageStore.Lineage found = lineage.subgraph(startKind, filter, hops, direction);
            Set<String> mask = Set.copyOf(request.getReadMask().getPathsList());
            LineageGraph.Builder graph = LineageGraph.newBuilder();
            if (wants(mask, "artifacts")) {
                found.artifacts().forEach(a -> graph.addArtifacts(Artifact.newBuilder().setId(a.id())));
            }
            if (wants(mask, "executions")) {
                found.executions().forEach(e -> graph.addExecutions(Execution.newBuilder().setId(e.id())));
            }
            if (wants(mask, "contexts")) {
                found.contexts().forEach(c -> graph.addContexts(Context.newBuilder().setId(c.id())));
            }
            if (wants(mask, "events")) {
                graph.addAllEvents(found.events());
            }
            if (wants(mask, "artifact_types")) {
                graph.addAllArtifactTypes(map(found.artifactTypes(), TypeMapper::toArtifactType));
            }
            if (wants(mask, "execution_types")) {
                graph.addAllExecutionTypes(map(found.executionTypes(), TypeMapper::toExecutionType));
            }
            if (wants(mask, "context_types")) {
                graph.addAllContextTypes(map(found.contextTypes(), TypeMapper::toContextType));
            }
            return GetLineageSubgraphResponse.newBuilder().setLineageSubgraph(graph).build();
        });
    }

    private static boolean wants(Set<String> mask, String path) {
        return mask.isEmpty() || mask.contains(path);
    }

    private static long hops(String field, boolean present, long requested, long cap) {
        if (requested < 0) {
            throw QuarkflowException.invalidArgument(field, "must not be negative, got " + requested);
        }
        return present ? Math.min(requested, cap) : cap;
    }

    // --- helpers ---

    private NodePage list(NodeKind kind, NodeScope scope, boolean hasOptions, ListOperationOptions options) {
        if (!hasOptions) {
            return new NodePage(nodes.all(kind, scope), null);
        }
        return nodes.page(kind, scope, ListOptionsMapper.fromProto("options", options));
    }

    private static void require(String field, boolean present) {
        if (!present) {
            throw QuarkflowException.invalidArgument(field, "required");
        }
    }

    private static void requireAllFieldsMatch(boolean allFieldsMatch) {
        if (!allFieldsMatch) {
            throw Status.UNIMPLEMENTED.withDescription("all_fields_match: false is not supported")
                    .asRuntimeException();
        }
    }

    private static <A, B> List<B> map(Collection<A> values, Function<A, B> mapper) {
        return values.stream().map(mapper).toList();
    }

}

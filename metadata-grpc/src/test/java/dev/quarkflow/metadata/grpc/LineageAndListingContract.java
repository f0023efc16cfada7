package dev.quarkflow.metadata.grpc;

import static dev.quarkflow.metadata.grpc.MlmdTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.mlmd.*;
import io.grpc.Status;

/** Composite writes, listing (paging, ordering, filter_query) and lineage reads (facts/mlmd.md §6, §8, §9). */
abstract class LineageAndListingContract extends MetadataStoreContract {

    @Test
    void putExecution_createsExecutionArtifactsContextsAndLinks() {
        long executionTypeId = executionType(stub, unique("e"));
        long artifactTypeId = artifactType(stub, unique("a"));
        long contextTypeId = contextType(stub, unique("c"));

        PutExecutionResponse written = stub.putExecution(PutExecutionRequest.newBuilder()
                .setExecution(Execution.newBuilder().setTypeId(executionTypeId))
                .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
                        .setArtifact(Artifact.newBuilder().setTypeId(artifactTypeId).setUri("u")))
                .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.getDefaultInstance())
                .addContexts(Context.newBuilder().setTypeId(contextTypeId).setName("c1"))
                .addContexts(Context.newBuilder().setTypeId(contextTypeId).setName("c2")).build());

        assertThat(written.getArtifactIdsList()).hasSize(2).element(1).isEqualTo(-1L);
        assertThat(written.getContextIdsList()).hasSize(2);
        for (long contextId : written.getContextIdsList()) {
            assertThat(stub.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder().setContextId(contextId)
                    .build()).getArtifactsList()).extracting(Artifact::getId)
                    .containsExactly(written.getArtifactIds(0));
            assertThat(stub.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
                    .setContextId(contextId).build()).getExecutionsList()).extracting(Execution::getId)
                    .containsExactly(written.getExecutionId());
        }
    }

    @Test
    void putExecution_reusesContextOnlyWhenAsked() {
        long executionTypeId = executionType(stub, unique("e"));
        long contextTypeId = contextType(stub, unique("c"));
        PutExecutionRequest request = PutExecutionRequest.newBuilder()
                .setExecution(Execution.newBuilder().setTypeId(executionTypeId))
                .addContexts(Context.newBuilder().setTypeId(contextTypeId).setName("context")).build();
        long contextId = stub.putExecution(request).getContextIds(0);
        List<Object> before = snapshot(stub);

        assertStatus(() -> stub.putExecution(request), Status.Code.ALREADY_EXISTS, "contexts[0].name");
        assertThat(snapshot(stub)).isEqualTo(before);
        long reused = stub.putExecution(request.toBuilder().setOptions(PutExecutionRequest.Options.newBuilder()
                .setReuseContextIfAlreadyExist(true)).build()).getContextIds(0);

        assertThat(reused).isEqualTo(contextId);
        assertThat(stub.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder().setContextId(contextId)
                .build()).getExecutionsList()).hasSize(2);
    }

    @Test
    void putExecution_reusesArtifactByExternalIdWhenAsked() {
        long executionTypeId = executionType(stub, unique("e"));
        long artifactTypeId = artifactType(stub, unique("a"));
        String externalId = unique("artifact_reference_str");
        PutExecutionRequest request = PutExecutionRequest.newBuilder()
                .setExecution(Execution.newBuilder().setTypeId(executionTypeId))
                .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder().setArtifact(Artifact
                        .newBuilder().setTypeId(artifactTypeId).setName("artifact_name").setExternalId(externalId)
                        .setUri("old")))
                .build();
        long artifactId = stub.putExecution(request).getArtifactIds(0);
        PutExecutionRequest newUri = request.toBuilder().setArtifactEventPairs(0, request.getArtifactEventPairs(0)
                .toBuilder().setArtifact(request.getArtifactEventPairs(0).getArtifact().toBuilder().setUri("new")))
                .build();

        assertStatus(() -> stub.putExecution(newUri), Status.Code.ALREADY_EXISTS, "artifact");
        long reused = stub.putExecution(newUri.toBuilder().setOptions(PutExecutionRequest.Options.newBuilder()
                .setReuseArtifactIfAlreadyExistByExternalId(true)).build()).getArtifactIds(0);

        assertThat(reused).isEqualTo(artifactId);
        assertThat(stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(artifactId).build())
                .getArtifacts(0).getUri()).isEqualTo("new");
    }

    @Test
    void putExecution_unknownExecutionId_isInvalidArgument() {
        long executionTypeId = executionType(stub, unique("e"));

        assertStatus(() -> stub.putExecution(PutExecutionRequest.newBuilder().setExecution(Execution.newBuilder()
                .setId(987654321L).setTypeId(executionTypeId)).build()), Status.Code.INVALID_ARGUMENT,
                "execution.id");
    }

    @Test
    void putLineageSubgraph_linksEverythingAndRejectsBadEdges() {
        long executionTypeId = executionType(stub, unique("e"));
        long artifactTypeId = artifactType(stub, unique("a"));
        long contextTypeId = contextType(stub, unique("c"));
        String contextName = unique("ctx");
        PutLineageSubgraphRequest request = PutLineageSubgraphRequest.newBuilder()
                .addExecutions(Execution.newBuilder().setTypeId(executionTypeId))
                .addArtifacts(Artifact.newBuilder().setTypeId(artifactTypeId).setUri("in"))
                .addArtifacts(Artifact.newBuilder().setTypeId(artifactTypeId).setUri("out"))
                .addContexts(Context.newBuilder().setTypeId(contextTypeId).setName(contextName))
                .addEventEdges(PutLineageSubgraphRequest.EventEdge.newBuilder().setExecutionIndex(0)
                        .setArtifactIndex(0).setEvent(Event.newBuilder().setType(Event.Type.INPUT)))
                .addEventEdges(PutLineageSubgraphRequest.EventEdge.newBuilder().setExecutionIndex(0)
                        .setArtifactIndex(1).setEvent(Event.newBuilder().setType(Event.Type.OUTPUT)))
                .build();

        PutLineageSubgraphResponse written = stub.putLineageSubgraph(request);

        assertThat(written.getArtifactIdsList()).hasSize(2);
        assertThat(stub.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
                .addExecutionIds(written.getExecutionIds(0)).build()).getEventsList()).hasSize(2);
        assertThat(stub.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder()
                .setContextId(written.getContextIds(0)).build()).getArtifactsList()).hasSize(2);
        assertStatus(() -> stub.putLineageSubgraph(request.toBuilder().clearContexts().setEventEdges(0,
                request.getEventEdges(0).toBuilder().setExecutionIndex(5)).build()), Status.Code.OUT_OF_RANGE,
                "event_edges[0].execution_index");
        assertStatus(() -> stub.putLineageSubgraph(request.toBuilder().clearContexts().setEventEdges(0,
                request.getEventEdges(0).toBuilder().clearEvent()).build()), Status.Code.INVALID_ARGUMENT,
                "event_edges[0].event");
        assertStatus(() -> stub.putLineageSubgraph(request), Status.Code.ALREADY_EXISTS, "contexts[0].name");
    }

    // --- listing ---

    @Test
    void byType_pagesOf100_andAbove100ReturnsUpTo101WithoutToken() {
        String typeName = unique("test_type");
        long typeId = artifactType(stub, typeName);
        PutArtifactsRequest.Builder many = PutArtifactsRequest.newBuilder();
        for (int i = 0; i < 110; i++) {
            many.addArtifacts(Artifact.newBuilder().setTypeId(typeId));
        }
        stub.putArtifacts(many.build());
        GetArtifactsByTypeRequest byType = GetArtifactsByTypeRequest.newBuilder().setTypeName(typeName).build();

        var all = stub.getArtifactsByType(byType);
        var big = stub.getArtifactsByType(byType.toBuilder().setOptions(ListOperationOptions.newBuilder()
                .setMaxResultSize(102)).build());
        var first = stub.getArtifactsByType(byType.toBuilder().setOptions(ListOperationOptions.newBuilder()
                .setMaxResultSize(100)).build());
        var second = stub.getArtifactsByType(byType.toBuilder().setOptions(ListOperationOptions.newBuilder()
                .setMaxResultSize(100).setNextPageToken(first.getNextPageToken())).build());

        assertThat(all.getArtifactsList()).hasSize(110);
        assertThat(all.getNextPageToken()).isEmpty();
        assertThat(big.getArtifactsList()).hasSize(101);
        assertThat(big.getNextPageToken()).isEmpty();
        assertThat(first.getArtifactsList()).hasSize(100);
        assertThat(first.getNextPageToken()).isNotEmpty();
        assertThat(second.getArtifactsList()).hasSize(10);
        assertThat(second.getNextPageToken()).isEmpty();
        List<Long> paged = new ArrayList<>(first.getArtifactsList().stream().map(Artifact::getId).toList());
        paged.addAll(second.getArtifactsList().stream().map(Artifact::getId).toList());
        assertThat(paged).isEqualTo(all.getArtifactsList().stream().map(Artifact::getId).toList());
    }

    @Test
    void paging_byCreateTimeDescending_isStableAcrossInserts() {
        long typeId = artifactType(stub, unique("t"));
        String tag = unique("tag");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(artifact(stub, Artifact.newBuilder().setTypeId(typeId).putCustomProperties("tag",
                    stringValue(tag)).build()));
        }
        ListOperationOptions options = ListOperationOptions.newBuilder().setMaxResultSize(2)
                .setOrderByField(ListOperationOptions.OrderByField.newBuilder()
                        .setField(ListOperationOptions.OrderByField.Field.CREATE_TIME).setIsAsc(false))
                .setFilterQuery("custom_properties.tag.string_value = '" + tag + "'").build();

        List<Long> seen = new ArrayList<>();
        String token = "";
        do {
            var page = stub.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(options.toBuilder()
                    .setNextPageToken(token)).build());
            page.getArtifactsList().forEach(a -> seen.add(a.getId()));
            artifact(stub, Artifact.newBuilder().setTypeId(typeId).putCustomProperties("tag", stringValue(tag))
                    .build());
            token = page.getNextPageToken();
        } while (!token.isEmpty() && seen.size() < 20);

        java.util.Collections.reverse(ids);
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(ids);
    }

    @Test
    void listOptions_badSizeTokenOrderMismatch_areInvalidArgument() {
        long typeId = artifactType(stub, unique("t"));
        for (int i = 0; i < 3; i++) {
            artifact(stub, Artifact.newBuilder().setTypeId(typeId).build());
        }
        String token = stub.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(ListOperationOptions
                .newBuilder().setMaxResultSize(1)).build()).getNextPageToken();

        assertStatus(() -> stub.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(ListOperationOptions
                .newBuilder().setMaxResultSize(0)).build()), Status.Code.INVALID_ARGUMENT,
                "options.max_result_size");
        assertStatus(() -> stub.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(ListOperationOptions
                .newBuilder().setNextPageToken("not-a-token!")).build()), Status.Code.INVALID_ARGUMENT,
                "options.next_page_token");
        assertStatus(() -> stub.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(ListOperationOptions
                .newBuilder().setNextPageToken(token).setOrderByField(ListOperationOptions.OrderByField.newBuilder()
                        .setField(ListOperationOptions.OrderByField.Field.CREATE_TIME)))
                .build()), Status.Code.INVALID_ARGUMENT, "options mismatch");
    }

    @Test
    void filterQuery_propertiesNamesAndLike() {
        long typeId = executionType(stub, unique("e"));
        String prefix = unique("node");
        PutExecutionsRequest.Builder many = PutExecutionsRequest.newBuilder();
        for (int i = 0; i < 40; i++) {
            many.addExecutions(Execution.newBuilder().setTypeId(typeId).setName(prefix + "_" + i)
                    .putCustomProperties("p", intValue(i)));
        }
        stub.putExecutions(many.build());

        var found = stub.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder()
                .setTypeName(stub.getExecutionTypesByID(GetExecutionTypesByIDRequest.newBuilder().addTypeIds(typeId)
                        .build()).getExecutionTypes(0).getName())
                .setOptions(ListOperationOptions.newBuilder().setMaxResultSize(100).setFilterQuery(
                        "custom_properties.p.int_value < 21 AND name LIKE '" + prefix + "_2%'"))
                .build());

        assertThat(found.getExecutionsList()).extracting(Execution::getName)
                .containsExactly(prefix + "_2", prefix + "_20");
    }

    @Test
    void filterQuery_specialCharsContextsAndStates() {
        long typeId = executionType(stub, unique("e"));
        long contextTypeId = contextType(stub, unique("c"));
        String name = unique("exe_name_with_'");
        String contextName = unique("context_name_with_'");
        var written = stub.putExecution(PutExecutionRequest.newBuilder().setExecution(Execution.newBuilder()
                .setTypeId(typeId).setName(name).setLastKnownState(Execution.State.NEW))
                .addContexts(Context.newBuilder().setTypeId(contextTypeId).setName(contextName)).build());
        long other = execution(stub, Execution.newBuilder().setTypeId(typeId)
                .setLastKnownState(Execution.State.RUNNING).build());

        assertThat(filterExecutions("name = \"" + name + "\"")).containsExactly(written.getExecutionId());
        assertThat(filterExecutions("contexts_1.name = \"" + contextName + "\" AND last_known_state = NEW"))
                .containsExactly(written.getExecutionId());
        assertThat(stub.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
                .setContextId(written.getContextIds(0)).setOptions(ListOperationOptions.newBuilder()
                        .setFilterQuery("last_known_state = NEW OR last_known_state = RUNNING"))
                .build()).getExecutionsList()).extracting(Execution::getId).containsExactly(written.getExecutionId());
        assertThat(filterExecutions("type_id = " + typeId + " AND last_known_state NOT IN (NEW, FAILED)"))
                .containsExactly(other);
        assertStatus(() -> filterExecutions("name = 'exe_name_with_''"), Status.Code.INVALID_ARGUMENT,
                "filter_query");
    }

    @Test
    void filterQuery_invalidSyntaxOrNames_areInvalidArgument() {
        for (String bad : List.of("invalid syntax", "no_such_field = 1", "state = LIVE", "name = 1",
                "last_known_state = 'NEW'", "properties.x = 1", "(name = 'a'")) {
            assertStatus(() -> filterExecutions(bad), Status.Code.INVALID_ARGUMENT, "filter_query");
        }
        assertStatus(() -> stub.getContexts(GetContextsRequest.newBuilder().setOptions(ListOperationOptions
                .newBuilder().setFilterQuery("invalid syntax")).build()), Status.Code.INVALID_ARGUMENT,
                "filter_query");
    }

    private List<Long> filterExecutions(String filter) {
        return stub.getExecutions(GetExecutionsRequest.newBuilder().setOptions(ListOperationOptions.newBuilder()
                .setMaxResultSize(100).setFilterQuery(filter)).build()).getExecutionsList().stream()
                .map(Execution::getId).toList();
    }

    // --- lineage ---

    /** a0→e0; a1→e1→a3; a2→e2→a4; {a3,a4}→e3→a5 (INPUT into executions, OUTPUT out of them). */
    private record Graph(String tag, long[] a, long[] e) {
    }

    private Graph lineageGraph() {
        String tag = unique("g");
        long artifactTypeId = artifactType(stub, unique("a"));
        long executionTypeId = executionType(stub, unique("e"));
        long[] a = new long[6];
        for (int i = 0; i < 6; i++) {
            a[i] = artifact(stub, Artifact.newBuilder().setTypeId(artifactTypeId).setUri("uri://" + tag + "/a" + i)
                    .build());
        }
        long[] e = new long[4];
        for (int i = 0; i < 4; i++) {
            e[i] = execution(stub, Execution.newBuilder().setTypeId(executionTypeId).build());
        }
        stub.putEvents(PutEventsRequest.newBuilder()
                .addEvents(event(a[0], e[0], Event.Type.INPUT))
                .addEvents(event(a[1], e[1], Event.Type.INPUT)).addEvents(event(a[3], e[1], Event.Type.OUTPUT))
                .addEvents(event(a[2], e[2], Event.Type.INPUT)).addEvents(event(a[4], e[2], Event.Type.OUTPUT))
                .addEvents(event(a[3], e[3], Event.Type.INPUT)).addEvents(event(a[4], e[3], Event.Type.INPUT))
                .addEvents(event(a[5], e[3], Event.Type.OUTPUT)).build());
        return new Graph(tag, a, e);
    }

    private LineageGraph lineageFromA4(Graph g, Long hops) {
        LineageGraphQueryOptions.Builder options = LineageGraphQueryOptions.newBuilder()
                .setArtifactsOptions(ListOperationOptions.newBuilder().setFilterQuery("uri = 'uri://" + g.tag()
                        + "/a4'"));
        if (hops != null) {
            options.setStopConditions(LineageGraphQueryOptions.BoundaryConstraint.newBuilder().setMaxNumHops(hops));
        }
        return stub.getLineageGraph(GetLineageGraphRequest.newBuilder().setOptions(options).build()).getSubgraph();
    }

    @Test
    void lineageGraph_growsWithHops() {
        Graph g = lineageGraph();

        LineageGraph zero = lineageFromA4(g, 0L);
        LineageGraph one = lineageFromA4(g, 1L);
        LineageGraph two = lineageFromA4(g, 2L);
        LineageGraph all = lineageFromA4(g, null);

        assertThat(zero.getArtifactsList()).extracting(Artifact::getId).containsExactly(g.a()[4]);
        assertThat(one.getExecutionsList()).extracting(Execution::getId).containsExactlyInAnyOrder(g.e()[2],
                g.e()[3]);
        assertThat(two.getArtifactsList()).extracting(Artifact::getId).containsExactlyInAnyOrder(g.a()[2],
                g.a()[3], g.a()[4], g.a()[5]);
        assertThat(all.getArtifactsList()).extracting(Artifact::getId).containsExactlyInAnyOrder(g.a()[1],
                g.a()[2], g.a()[3], g.a()[4], g.a()[5]);
        assertThat(all.getExecutionsList()).extracting(Execution::getId).containsExactlyInAnyOrder(g.e()[1],
                g.e()[2], g.e()[3]);
        assertThat(all.getEventsList()).hasSize(7);
        assertThat(all.getArtifactTypesList()).extracting(ArtifactType::getName).doesNotContain("mlmd.Dataset");
    }

    @Test
    void lineageSubgraph_followsDirection() {
        Graph g = lineageGraph();
        LineageSubgraphQueryOptions.Builder fromA4 = LineageSubgraphQueryOptions.newBuilder()
                .setStartingArtifacts(LineageSubgraphQueryOptions.StartingNodes.newBuilder()
                        .setFilterQuery("uri = 'uri://" + g.tag() + "/a4'"))
                .setMaxNumHops(2);

        LineageGraph down = stub.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
                .setLineageSubgraphQueryOptions(fromA4.clone().setDirection(
                        LineageSubgraphQueryOptions.Direction.DOWNSTREAM))
                .build()).getLineageSubgraph();
        LineageGraph up = stub.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
                .setLineageSubgraphQueryOptions(fromA4.clone().setDirection(
                        LineageSubgraphQueryOptions.Direction.UPSTREAM))
                .setReadMask(com.google.protobuf.FieldMask.newBuilder().addPaths("artifacts").addPaths("executions"))
                .build()).getLineageSubgraph();

        assertThat(down.getArtifactsList()).extracting(Artifact::getId).containsExactlyInAnyOrder(g.a()[4],
                g.a()[5]);
        assertThat(down.getExecutionsList()).extracting(Execution::getId).containsExactly(g.e()[3]);
        assertThat(down.getEventsList()).hasSize(2);
        assertThat(down.getArtifacts(0).hasUri()).isFalse();
        assertThat(down.getArtifactTypesList()).extracting(ArtifactType::getName).contains("mlmd.Dataset");
        assertThat(up.getArtifactsList()).extracting(Artifact::getId).containsExactlyInAnyOrder(g.a()[2], g.a()[4]);
        assertThat(up.getExecutionsList()).extracting(Execution::getId).containsExactly(g.e()[2]);
        assertThat(up.getEventsList()).isEmpty();
    }

    @Test
    void lineageReads_rejectBadOptions() {
        assertStatus(() -> stub.getLineageGraph(GetLineageGraphRequest.getDefaultInstance()),
                Status.Code.INVALID_ARGUMENT, "options.artifacts_options");
        assertStatus(() -> stub.getLineageGraph(GetLineageGraphRequest.newBuilder().setOptions(
                LineageGraphQueryOptions.newBuilder().setArtifactsOptions(ListOperationOptions.newBuilder()
                        .setFilterQuery("uri = 'nothing-matches-" + unique("x") + "'")))
                .build()), Status.Code.NOT_FOUND, "artifacts_options");
        assertStatus(() -> stub.getLineageGraph(GetLineageGraphRequest.newBuilder().setOptions(
                LineageGraphQueryOptions.newBuilder().setArtifactsOptions(ListOperationOptions.newBuilder())
                        .setStopConditions(LineageGraphQueryOptions.BoundaryConstraint.newBuilder()
                                .setMaxNumHops(-1)))
                .build()), Status.Code.INVALID_ARGUMENT, "max_num_hops");
        assertStatus(() -> stub.getLineageGraph(GetLineageGraphRequest.newBuilder().setOptions(
                LineageGraphQueryOptions.newBuilder().setArtifactsOptions(ListOperationOptions.newBuilder())
                        .setStopConditions(LineageGraphQueryOptions.BoundaryConstraint.newBuilder()
                                .setBoundaryArtifacts("bad bad")))
                .build()), Status.Code.INVALID_ARGUMENT, "boundary_artifacts");
        assertStatus(() -> stub.getLineageSubgraph(GetLineageSubgraphRequest.getDefaultInstance()),
                Status.Code.INVALID_ARGUMENT, "starting_nodes");
        assertStatus(() -> stub.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
                .setLineageSubgraphQueryOptions(LineageSubgraphQueryOptions.newBuilder().setStartingExecutions(
                        LineageSubgraphQueryOptions.StartingNodes.getDefaultInstance()))
                .build()), Status.Code.INVALID_ARGUMENT, "filter_query");
    }
}

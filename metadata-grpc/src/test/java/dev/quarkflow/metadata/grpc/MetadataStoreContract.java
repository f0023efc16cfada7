package dev.quarkflow.metadata.grpc;

import static dev.quarkflow.metadata.grpc.MlmdTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import dev.quarkflow.proto.mlmd.*;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;

/**
 * Upstream's behaviour scenarios (facts/mlmd.md §13) over a real gRPC socket. Subclasses pick the database.
 */
abstract class MetadataStoreContract {

    @GrpcClient("mlmd")
    MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub stub;

    // --- types ---

    @Test
    void putArtifactType_thenGetByName_returnsSameTypeAndId() {
        String name = unique("t");

        long id = artifactType(stub, name, "p1");

        ArtifactType read = stub.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName(name).build())
                .getArtifactType();
        assertThat(read.getId()).isEqualTo(id);
        assertThat(read.getPropertiesMap()).containsExactlyEntriesOf(java.util.Map.of("p1", PropertyType.STRING));
        assertThat(read.hasVersion()).isFalse();
    }

    @Test
    void putArtifactType_twiceIdentical_returnsSameId() {
        String name = unique("t");

        long first = artifactType(stub, name, "p1");
        long second = artifactType(stub, name, "p1");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void putArtifactType_rejectsAddedOrRemovedOrChangedProperty_withoutFlags() {
        String name = unique("t");
        artifactType(stub, name, "p1", "p2");

        assertStatus(() -> artifactType(stub, name, "p1", "p2", "p3"), Status.Code.ALREADY_EXISTS, "properties");
        assertStatus(() -> artifactType(stub, name, "p1"), Status.Code.ALREADY_EXISTS, "properties");
        assertStatus(() -> stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanAddFields(true)
                .setArtifactType(ArtifactType.newBuilder().setName(name).putProperties("p1", PropertyType.DOUBLE)
                        .putProperties("p2", PropertyType.STRING))
                .build()), Status.Code.ALREADY_EXISTS, "properties");
    }

    @Test
    void putArtifactType_withoutName_isInvalidArgument() {
        assertStatus(() -> stub.putArtifactType(PutArtifactTypeRequest.newBuilder()
                .setArtifactType(ArtifactType.newBuilder().setId(1).putProperties("p", PropertyType.INT)).build()),
                Status.Code.INVALID_ARGUMENT, "artifact_type.name");
    }

    @Test
    void putArtifactType_canOmitAndCanAddFields_evolveWithoutRemoving() {
        String name = unique("t");
        long id = stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(ArtifactType.newBuilder()
                .setName(name).putProperties("p1", PropertyType.INT).putProperties("p2", PropertyType.STRING))
                .build()).getTypeId();

        long omitted = stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanOmitFields(true)
                .setArtifactType(ArtifactType.newBuilder().setName(name).putProperties("p2", PropertyType.STRING))
                .build()).getTypeId();
        assertStatus(() -> stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanOmitFields(true)
                .setArtifactType(ArtifactType.newBuilder().setName(name).putProperties("p3", PropertyType.DOUBLE))
                .build()), Status.Code.ALREADY_EXISTS, "can_add_fields");
        long added = stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanOmitFields(true)
                .setCanAddFields(true)
                .setArtifactType(ArtifactType.newBuilder().setName(name).putProperties("p3", PropertyType.DOUBLE))
                .build()).getTypeId();

        assertThat(omitted).isEqualTo(id);
        assertThat(added).isEqualTo(id);
        assertThat(stub.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName(name).build())
                .getArtifactType().getPropertiesMap()).containsOnlyKeys("p1", "p2", "p3");
    }

    @Test
    void putArtifactType_allFieldsMatchFalse_isUnimplementedAndCreatesNothing() {
        String name = unique("t");

        assertStatus(() -> stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setAllFieldsMatch(false)
                .setArtifactType(ArtifactType.newBuilder().setName(name)).build()), Status.Code.UNIMPLEMENTED,
                "all_fields_match");

        assertStatus(() -> stub.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName(name).build()),
                Status.Code.NOT_FOUND, "type_name");
    }

    @Test
    void baseType_isKeptAndCannotChangeOrBeUnset() {
        String name = unique("t");
        ArtifactType.Builder model = ArtifactType.newBuilder().setName(name)
                .setBaseType(ArtifactType.SystemDefinedBaseType.MODEL);
        long id = stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(model).build())
                .getTypeId();

        assertThat(stub.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName(name).build())
                .getArtifactType().getBaseType()).isEqualTo(ArtifactType.SystemDefinedBaseType.MODEL);
        assertStatus(() -> stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(
                model.clone().setBaseType(ArtifactType.SystemDefinedBaseType.DATASET)).build()),
                Status.Code.UNIMPLEMENTED, "base_type");
        assertStatus(() -> stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(
                model.clone().setBaseType(ArtifactType.SystemDefinedBaseType.UNSET)).build()),
                Status.Code.UNIMPLEMENTED, "base_type");
        assertThat(artifactType(stub, name)).isEqualTo(id);
    }

    @Test
    void typeVersions_areDistinctTypes_andEmptyVersionEqualsNone() {
        String name = unique("t");
        long none = contextType(stub, name);
        long empty = stub.putContextType(PutContextTypeRequest.newBuilder()
                .setContextType(ContextType.newBuilder().setName(name).setVersion("")).build()).getTypeId();
        long v2 = stub.putContextType(PutContextTypeRequest.newBuilder()
                .setContextType(ContextType.newBuilder().setName(name).setVersion("v2")).build()).getTypeId();

        ContextType read = stub.getContextType(GetContextTypeRequest.newBuilder().setTypeName(name)
                .setTypeVersion("v2").build()).getContextType();

        assertThat(empty).isEqualTo(none);
        assertThat(v2).isNotEqualTo(none);
        assertThat(read.getId()).isEqualTo(v2);
        assertThat(read.getVersion()).isEqualTo("v2");
    }

    @Test
    void builtinTypes_areHiddenFromListsButFoundByName() {
        var all = stub.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance()).getArtifactTypesList();
        ExecutionType train = stub.getExecutionType(GetExecutionTypeRequest.newBuilder().setTypeName("mlmd.Train")
                .build()).getExecutionType();

        assertThat(all).extracting(ArtifactType::getName).doesNotContain("mlmd.Dataset", "mlmd.Model");
        assertThat(train.getName()).isEqualTo("mlmd.Train");
        assertThat(stub.getExecutionTypesByID(GetExecutionTypesByIDRequest.newBuilder().addTypeIds(train.getId())
                .build()).getExecutionTypesList()).hasSize(1);
    }

    @Test
    void getTypesById_skipsUnknownIdsAndOtherKinds() {
        long artifactTypeId = artifactType(stub, unique("t"));

        var response = stub.getExecutionTypesByID(GetExecutionTypesByIDRequest.newBuilder()
                .addTypeIds(artifactTypeId).addTypeIds(987654321L).build());

        assertThat(response.getExecutionTypesList()).isEmpty();
    }

    @Test
    void putTypes_rejectsIncompatibleType_andLeavesStoreUnchanged() {
        String e = unique("e");
        stub.putExecutionType(PutExecutionTypeRequest.newBuilder().setExecutionType(ExecutionType.newBuilder()
                .setName(e).putProperties("p1", PropertyType.STRING)).build());
        List<Object> before = snapshot(stub);

        assertStatus(() -> stub.putTypes(PutTypesRequest.newBuilder()
                .addArtifactTypes(ArtifactType.newBuilder().setName(unique("new")))
                .addExecutionTypes(ExecutionType.newBuilder().setName(e).putProperties("p1", PropertyType.STRING)
                        .putProperties("p2", PropertyType.INT))
                .build()), Status.Code.ALREADY_EXISTS, "execution_types[0]");

        assertThat(snapshot(stub)).isEqualTo(before);
    }

    @Test
    void typeExternalIds_areUniqueAndFound() {
        String externalId = unique("ext");
        long id = stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(ArtifactType.newBuilder()
                .setName(unique("t")).setExternalId(externalId)).build()).getTypeId();

        assertStatus(() -> stub.putContextType(PutContextTypeRequest.newBuilder().setContextType(ContextType
                .newBuilder().setName(unique("c")).setExternalId(externalId)).build()), Status.Code.ALREADY_EXISTS,
                "external_id");
        assertThat(stub.getArtifactTypesByExternalIds(GetArtifactTypesByExternalIdsRequest.newBuilder()
                .addExternalIds(externalId).build()).getArtifactTypesList()).extracting(ArtifactType::getId)
                .containsExactly(id);
    }

    // --- nodes ---

    @Test
    void putArtifacts_thenGetById_fillsTypeNameAndTimestamps() {
        String typeName = unique("t");
        long typeId = artifactType(stub, typeName, "p");
        long id = artifact(stub, Artifact.newBuilder().setTypeId(typeId).setUri("gs://b/x")
                .putProperties("p", stringValue("v")).build());

        Artifact read = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id)
                .addArtifactIds(987654321L).setPopulateArtifactTypes(true).build()).getArtifacts(0);

        assertThat(read.getType()).isEqualTo(typeName);
        assertThat(read.getUri()).isEqualTo("gs://b/x");
        assertThat(read.getPropertiesMap()).containsEntry("p", stringValue("v"));
        assertThat(read.getCreateTimeSinceEpoch()).isPositive();
        assertThat(read.getLastUpdateTimeSinceEpoch()).isEqualTo(read.getCreateTimeSinceEpoch());
        assertThat(read.hasState()).isFalse();
    }

    @Test
    void putArtifacts_withoutUri_readsBackEmptyUri() {
        long id = artifact(stub, Artifact.newBuilder().setTypeId(artifactType(stub, unique("t"))).build());

        Artifact read = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0);

        assertThat(read.hasUri()).isTrue();
        assertThat(read.getUri()).isEmpty();
    }

    @Test
    void putArtifacts_rejectsBadProperties_andUnknownType() {
        long typeId = artifactType(stub, unique("t"), "p");

        assertStatus(() -> artifact(stub, Artifact.newBuilder().setTypeId(typeId)
                .putProperties("p", Value.getDefaultInstance()).build()), Status.Code.INVALID_ARGUMENT,
                "artifacts[0].properties[p]");
        assertStatus(() -> artifact(stub, Artifact.newBuilder().setTypeId(typeId)
                .putProperties("undeclared", stringValue("x")).build()), Status.Code.INVALID_ARGUMENT,
                "artifacts[0].properties[undeclared]");
        assertStatus(() -> artifact(stub, Artifact.newBuilder().setTypeId(typeId)
                .putCustomProperties("c", Value.getDefaultInstance()).build()), Status.Code.INVALID_ARGUMENT,
                "custom_properties[c]");
        assertStatus(() -> artifact(stub, Artifact.newBuilder().setTypeId(987654321L).build()),
                Status.Code.NOT_FOUND, "artifacts[0].type_id");
        assertStatus(() -> artifact(stub, Artifact.newBuilder().build()), Status.Code.INVALID_ARGUMENT,
                "artifacts[0].type_id");
    }

    @Test
    void putArtifacts_duplicateNameInOneCall_isAlreadyExistsAndStoresNothing() {
        long typeId = artifactType(stub, unique("t"));
        List<Object> before = snapshot(stub);
        Artifact same = Artifact.newBuilder().setTypeId(typeId).setName("a").build();

        assertStatus(() -> stub.putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(same).addArtifacts(same)
                .build()), Status.Code.ALREADY_EXISTS, "artifacts[1].name");

        assertThat(snapshot(stub)).isEqualTo(before);
    }

    @Test
    void artifactsByExternalIds_followUpstreamRules() {
        long typeId = artifactType(stub, unique("t"));
        String one = unique("artifact_1");
        String two = unique("artifact_2");
        artifact(stub, Artifact.newBuilder().setTypeId(typeId).setExternalId(one).build());
        artifact(stub, Artifact.newBuilder().setTypeId(typeId).setExternalId(two).build());

        assertThat(stub.getArtifactsByExternalIds(GetArtifactsByExternalIdsRequest.newBuilder().addExternalIds(one)
                .build()).getArtifactsList()).hasSize(1);
        assertThat(stub.getArtifactsByExternalIds(GetArtifactsByExternalIdsRequest.newBuilder().addExternalIds(one)
                .addExternalIds(two).addExternalIds("absent").build()).getArtifactsList()).hasSize(2);
        assertStatus(() -> stub.getArtifactsByExternalIds(GetArtifactsByExternalIdsRequest.newBuilder()
                .addExternalIds("absent").build()), Status.Code.NOT_FOUND, "external_ids");
        assertStatus(() -> stub.getArtifactsByExternalIds(GetArtifactsByExternalIdsRequest.newBuilder()
                .addExternalIds("").build()), Status.Code.INVALID_ARGUMENT, "external_ids[0]");
        assertStatus(() -> artifact(stub, Artifact.newBuilder().setTypeId(typeId).setExternalId(one).build()),
                Status.Code.ALREADY_EXISTS, "external_id");
    }

    @Test
    void updateArtifact_replacesWholeNode_keepsNameAndCreateTime() {
        long typeId = stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(ArtifactType
                .newBuilder().setName(unique("t")).putProperties("bar", PropertyType.STRING)
                .putProperties("foo", PropertyType.INT)).build()).getTypeId();
        long id = artifact(stub, Artifact.newBuilder().setTypeId(typeId).setName("keep").setUri("u")
                .putProperties("bar", stringValue("Hello")).build());
        Artifact before = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0);

        long updated = artifact(stub, Artifact.newBuilder().setId(id).setTypeId(typeId).setName("ignored")
                .setExternalId(unique("ext")).putProperties("bar", stringValue("Goodbye"))
                .putProperties("foo", intValue(id)).build());

        Artifact after = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0);
        assertThat(updated).isEqualTo(id);
        assertThat(after.getName()).isEqualTo("keep");
        assertThat(after.getUri()).isEmpty();
        assertThat(after.getPropertiesMap()).containsEntry("bar", stringValue("Goodbye"))
                .containsEntry("foo", intValue(id));
        assertThat(after.hasExternalId()).isTrue();
        assertThat(after.getCreateTimeSinceEpoch()).isEqualTo(before.getCreateTimeSinceEpoch());
        assertThat(after.getLastUpdateTimeSinceEpoch()).isGreaterThan(before.getLastUpdateTimeSinceEpoch());
    }

    @Test
    void updateArtifact_unchanged_keepsLastUpdateTime() {
        long id = artifact(stub, Artifact.newBuilder().setTypeId(artifactType(stub, unique("t"))).setUri("u")
                .build());
        Artifact read = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0);

        artifact(stub, read);

        assertThat(stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0)).isEqualTo(read);
    }

    @Test
    void updateArtifact_withMask_changesOnlyMaskedFields() {
        long typeId = artifactType(stub, unique("t"));
        stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanAddFields(true).setArtifactType(ArtifactType
                .newBuilder().setName(stub.getArtifactTypesByID(GetArtifactTypesByIDRequest.newBuilder()
                        .addTypeIds(typeId).build()).getArtifactTypes(0).getName())
                .putProperties("property", PropertyType.INT)).build());
        long id = artifact(stub, Artifact.newBuilder().setTypeId(typeId).setUri("kept")
                .putProperties("property", intValue(3)).build());

        stub.putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(Artifact.newBuilder().setId(id)
                .setTypeId(typeId).setState(Artifact.State.LIVE).putCustomProperties("custom", intValue(1)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("properties.property").addPaths("state")
                        .addPaths("custom_properties.custom").addPaths("an_invalid_field_path_having_no_effect"))
                .build());

        Artifact read = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0);
        assertThat(read.getUri()).isEqualTo("kept");
        assertThat(read.getState()).isEqualTo(Artifact.State.LIVE);
        assertThat(read.getPropertiesMap()).isEmpty();
        assertThat(read.getCustomPropertiesMap()).containsEntry("custom", intValue(1));
    }

    @Test
    void updateArtifact_abortIfLatestUpdatedTimeChanged_detectsConcurrentUpdate() {
        long id = artifact(stub, Artifact.newBuilder().setTypeId(artifactType(stub, unique("t"))).build());
        Artifact read = stub.getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addArtifactIds(id).build())
                .getArtifacts(0);
        PutArtifactsRequest update = PutArtifactsRequest.newBuilder()
                .addArtifacts(read.toBuilder().setState(Artifact.State.LIVE))
                .setOptions(PutArtifactsRequest.Options.newBuilder().setAbortIfLatestUpdatedTimeChanged(true))
                .build();

        stub.putArtifacts(update);

        assertStatus(() -> stub.putArtifacts(update), Status.Code.FAILED_PRECONDITION,
                "last_update_time_since_epoch");
    }

    @Test
    void updateNode_unknownIdOrChangedType_isInvalidArgument() {
        long typeId = artifactType(stub, unique("t"));
        long id = artifact(stub, Artifact.newBuilder().setTypeId(typeId).build());

        assertStatus(() -> artifact(stub, Artifact.newBuilder().setId(987654321L).setTypeId(typeId).build()),
                Status.Code.INVALID_ARGUMENT, "artifacts[0].id");
        assertStatus(() -> artifact(stub, Artifact.newBuilder().setId(id).setTypeId(artifactType(stub,
                unique("other"))).build()), Status.Code.INVALID_ARGUMENT, "artifacts[0].type_id");
    }

    @Test
    void contexts_needNameAndCanBeRenamed() {
        long typeId = contextType(stub, unique("c"));
        long id = context(stub, typeId, "n1");

        assertStatus(() -> stub.putContexts(PutContextsRequest.newBuilder()
                .addContexts(Context.newBuilder().setTypeId(typeId)).build()), Status.Code.INVALID_ARGUMENT,
                "contexts[0].name");
        stub.putContexts(PutContextsRequest.newBuilder().addContexts(Context.newBuilder().setId(id)
                .setTypeId(typeId).setName("n2").putCustomProperties("k", stringValue("v"))).build());

        Context read = stub.getContextsByID(GetContextsByIDRequest.newBuilder().addContextIds(id).build())
                .getContexts(0);
        assertThat(read.getName()).isEqualTo("n2");
        assertThat(read.getCustomPropertiesMap()).containsEntry("k", stringValue("v"));
        assertStatus(() -> context(stub, typeId, "n2"), Status.Code.ALREADY_EXISTS, "contexts[0].name");
    }

    @Test
    void byTypeAndName_andByType_findNodesOrNothing() {
        String typeName = unique("t");
        long typeId = executionType(stub, typeName);
        long id = execution(stub, Execution.newBuilder().setTypeId(typeId).setName("run").build());

        var found = stub.getExecutionByTypeAndName(GetExecutionByTypeAndNameRequest.newBuilder()
                .setTypeName(typeName).setExecutionName("run").build());
        var missing = stub.getExecutionByTypeAndName(GetExecutionByTypeAndNameRequest.newBuilder()
                .setTypeName(typeName).setExecutionName("nope").build());
        var byType = stub.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder().setTypeName(typeName).build());
        var unknownType = stub.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder()
                .setTypeName(unique("absent")).build());

        assertThat(found.getExecution().getId()).isEqualTo(id);
        assertThat(missing.hasExecution()).isFalse();
        assertThat(byType.getExecutionsList()).extracting(Execution::getId).containsExactly(id);
        assertThat(unknownType.getExecutionsList()).isEmpty();
    }

    @Test
    void artifactsByUri_findsAllWithThatUri() {
        long typeId = artifactType(stub, unique("t"));
        String uri = "gs://bucket/" + unique("u");
        long a = artifact(stub, Artifact.newBuilder().setTypeId(typeId).setUri(uri).build());
        long b = artifact(stub, Artifact.newBuilder().setTypeId(typeId).setUri(uri).build());

        var found = stub.getArtifactsByURI(GetArtifactsByURIRequest.newBuilder().addUris(uri).addUris(uri).build());

        assertThat(found.getArtifactsList()).extracting(Artifact::getId).containsExactly(a, b);
    }

    // --- edges ---

    @Test
    void events_areReadByArtifactAndExecution_withPaths() {
        long a = artifact(stub, Artifact.newBuilder().setTypeId(artifactType(stub, unique("t"))).build());
        long e = execution(stub, Execution.newBuilder().setTypeId(executionType(stub, unique("e"))).build());
        Event event = event(a, e, Event.Type.DECLARED_OUTPUT).toBuilder().setPath(Event.Path.newBuilder()
                .addSteps(Event.Path.Step.newBuilder().setKey("ggg"))).build();

        stub.putEvents(PutEventsRequest.newBuilder().addEvents(event).build());

        Event byArtifact = stub.getEventsByArtifactIDs(GetEventsByArtifactIDsRequest.newBuilder().addArtifactIds(a)
                .build()).getEvents(0);
        Event byExecution = stub.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
                .addExecutionIds(e).build()).getEvents(0);
        assertThat(byArtifact).isEqualTo(byExecution);
        assertThat(byArtifact.getPath().getSteps(0).getKey()).isEqualTo("ggg");
        assertThat(byArtifact.getMillisecondsSinceEpoch()).isPositive();
        assertStatus(() -> stub.putEvents(PutEventsRequest.newBuilder().addEvents(event).build()),
                Status.Code.ALREADY_EXISTS, "events[0]");
    }

    @Test
    void putEvents_rejectsMissingOrUnknownEnds() {
        long e = execution(stub, Execution.newBuilder().setTypeId(executionType(stub, unique("e"))).build());

        assertStatus(() -> stub.putEvents(PutEventsRequest.newBuilder().addEvents(Event.newBuilder()
                .setExecutionId(e).setType(Event.Type.INPUT)).build()), Status.Code.INVALID_ARGUMENT,
                "events[0].artifact_id");
        assertStatus(() -> stub.putEvents(PutEventsRequest.newBuilder().addEvents(event(987654321L, e,
                Event.Type.INPUT)).build()), Status.Code.INVALID_ARGUMENT, "events[0].artifact_id");
    }

    @Test
    void attributions_areIdempotent_andContextsByArtifactNeedsOne() {
        long a = artifact(stub, Artifact.newBuilder().setTypeId(artifactType(stub, unique("t"))).build());
        long c = context(stub, contextType(stub, unique("c")), "ctx");
        Attribution link = Attribution.newBuilder().setArtifactId(a).setContextId(c).build();

        assertStatus(() -> stub.getContextsByArtifact(GetContextsByArtifactRequest.newBuilder().setArtifactId(a)
                .build()), Status.Code.NOT_FOUND, "artifact_id");
        stub.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
                .addAttributions(link).addAttributions(link).build());

        assertThat(stub.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder().setContextId(c).build())
                .getArtifactsList()).extracting(Artifact::getId).containsExactly(a);
        assertThat(stub.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder().setContextId(c).build())
                .getExecutionsList()).isEmpty();
        assertThat(stub.getContextsByArtifact(GetContextsByArtifactRequest.newBuilder().setArtifactId(a).build())
                .getContextsList()).extracting(Context::getId).containsExactly(c);
    }

    @Test
    void parentContexts_linkBothWays_rejectDuplicatesCyclesAndUnknownIds() {
        long typeId = contextType(stub, unique("c"));
        long parent = context(stub, typeId, "parent");
        long child = context(stub, typeId, "child");
        ParentContext link = ParentContext.newBuilder().setParentId(parent).setChildId(child).build();

        stub.putParentContexts(PutParentContextsRequest.newBuilder().addParentContexts(link).build());

        assertStatus(() -> stub.putParentContexts(PutParentContextsRequest.newBuilder().addParentContexts(link)
                .build()), Status.Code.ALREADY_EXISTS, "parent_contexts[0]");
        assertStatus(() -> stub.putParentContexts(PutParentContextsRequest.newBuilder().addParentContexts(
                ParentContext.newBuilder().setParentId(child).setChildId(parent)).build()),
                Status.Code.INVALID_ARGUMENT, "cycle");
        assertStatus(() -> stub.putParentContexts(PutParentContextsRequest.newBuilder().addParentContexts(
                ParentContext.newBuilder().setParentId(parent)).build()), Status.Code.INVALID_ARGUMENT,
                "parent_contexts[0].child_id");
        assertThat(stub.getParentContextsByContext(GetParentContextsByContextRequest.newBuilder()
                .setContextId(child).build()).getContextsList()).extracting(Context::getId).containsExactly(parent);
        assertThat(stub.getChildrenContextsByContext(GetChildrenContextsByContextRequest.newBuilder()
                .setContextId(parent).build()).getContextsList()).extracting(Context::getId).containsExactly(child);
        assertThat(stub.getParentContextsByContexts(GetParentContextsByContextsRequest.newBuilder()
                .addContextIds(child).addContextIds(parent).build()).getContextsMap()).containsOnlyKeys(child);
        assertStatus(() -> stub.getChildrenContextsByContexts(GetChildrenContextsByContextsRequest
                .getDefaultInstance()), Status.Code.INVALID_ARGUMENT, "context_ids");
    }
}

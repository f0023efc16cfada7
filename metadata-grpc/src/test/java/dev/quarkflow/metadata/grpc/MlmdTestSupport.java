package dev.quarkflow.metadata.grpc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.ContextType;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.ExecutionType;
import dev.quarkflow.proto.mlmd.GetArtifactTypesRequest;
import dev.quarkflow.proto.mlmd.GetArtifactsRequest;
import dev.quarkflow.proto.mlmd.GetContextTypesRequest;
import dev.quarkflow.proto.mlmd.GetContextsRequest;
import dev.quarkflow.proto.mlmd.GetEventsByArtifactIDsRequest;
import dev.quarkflow.proto.mlmd.GetExecutionTypesRequest;
import dev.quarkflow.proto.mlmd.GetExecutionsRequest;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub;
import dev.quarkflow.proto.mlmd.PropertyType;
import dev.quarkflow.proto.mlmd.PutArtifactTypeRequest;
import dev.quarkflow.proto.mlmd.PutArtifactsRequest;
import dev.quarkflow.proto.mlmd.PutContextTypeRequest;
import dev.quarkflow.proto.mlmd.PutContextsRequest;
import dev.quarkflow.proto.mlmd.PutExecutionTypeRequest;
import dev.quarkflow.proto.mlmd.PutExecutionsRequest;
import dev.quarkflow.proto.mlmd.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Builders and assertions the store tests share; every name is made unique so tests share one store. */
final class MlmdTestSupport {

    private MlmdTestSupport() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Value intValue(long value) {
        return Value.newBuilder().setIntValue(value).build();
    }

    static Value stringValue(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    static long artifactType(MetadataStoreServiceBlockingStub stub, String name, String... stringProperties) {
        ArtifactType.Builder type = ArtifactType.newBuilder().setName(name);
        for (String property : stringProperties) {
            type.putProperties(property, PropertyType.STRING);
        }
        return stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(type).build()).getTypeId();
    }

    static long executionType(MetadataStoreServiceBlockingStub stub, String name) {
        return stub.putExecutionType(PutExecutionTypeRequest.newBuilder()
                .setExecutionType(ExecutionType.newBuilder().setName(name)).build()).getTypeId();
    }

    static long contextType(MetadataStoreServiceBlockingStub stub, String name) {
        return stub.putContextType(PutContextTypeRequest.newBuilder()
                .setContextType(ContextType.newBuilder().setName(name)).build()).getTypeId();
    }

    static long artifact(MetadataStoreServiceBlockingStub stub, Artifact artifact) {
        return stub.putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(artifact).build()).getArtifactIds(0);
    }

    static long execution(MetadataStoreServiceBlockingStub stub, Execution execution) {
        return stub.putExecutions(PutExecutionsRequest.newBuilder().addExecutions(execution).build())
                .getExecutionIds(0);
    }

    static long context(MetadataStoreServiceBlockingStub stub, long typeId, String name) {
        return stub.putContexts(PutContextsRequest.newBuilder()
                .addContexts(Context.newBuilder().setTypeId(typeId).setName(name)).build()).getContextIds(0);
    }

    static Event event(long artifactId, long executionId, Event.Type type) {
        return Event.newBuilder().setArtifactId(artifactId).setExecutionId(executionId).setType(type).build();
    }

    /** Everything a client can read back, to compare before and after a rejected request. */
    static List<Object> snapshot(MetadataStoreServiceBlockingStub stub) {
        var artifacts = stub.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList();
        return List.of(stub.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance()),
                stub.getExecutionTypes(GetExecutionTypesRequest.getDefaultInstance()),
                stub.getContextTypes(GetContextTypesRequest.getDefaultInstance()), artifacts,
                stub.getExecutions(GetExecutionsRequest.getDefaultInstance()),
                stub.getContexts(GetContextsRequest.getDefaultInstance()),
                stub.getEventsByArtifactIDs(GetEventsByArtifactIDsRequest.newBuilder()
                        .addAllArtifactIds(artifacts.stream().map(Artifact::getId).toList()).build()));
    }

    /** The call fails with this code and a description that names the field. */
    static void assertStatus(ThrowingCallable call, Status.Code code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.getStatus().getDescription()).contains(field);
        });
    }
}

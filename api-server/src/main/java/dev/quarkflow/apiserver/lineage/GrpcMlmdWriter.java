package dev.quarkflow.apiserver.lineage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.quarkflow.pipelineengine.lineage.MlmdWriter;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.Association;
import dev.quarkflow.proto.mlmd.Attribution;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.ContextType;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.ExecutionType;
import dev.quarkflow.proto.mlmd.GetContextByTypeAndNameRequest;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub;
import dev.quarkflow.proto.mlmd.ParentContext;
import dev.quarkflow.proto.mlmd.PutArtifactTypeRequest;
import dev.quarkflow.proto.mlmd.PutArtifactsRequest;
import dev.quarkflow.proto.mlmd.PutAttributionsAndAssociationsRequest;
import dev.quarkflow.proto.mlmd.PutContextTypeRequest;
import dev.quarkflow.proto.mlmd.PutContextsRequest;
import dev.quarkflow.proto.mlmd.PutEventsRequest;
import dev.quarkflow.proto.mlmd.PutExecutionTypeRequest;
import dev.quarkflow.proto.mlmd.PutExecutionsRequest;
import dev.quarkflow.proto.mlmd.PutParentContextsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * {@link MlmdWriter} over ML Metadata's gRPC API (Quarkflow's metadata-grpc or upstream's server), each call with
 * a deadline. Types are registered schemaless on first use ({@code can_add_fields}), as upstream's driver does,
 * and their ids cached.
 */
public final class GrpcMlmdWriter implements MlmdWriter, AutoCloseable {

    private final ManagedChannel channel;
    private final MetadataStoreServiceBlockingStub stub;
    private final Duration deadline;
    private final Map<String, Long> contextTypes = new ConcurrentHashMap<>();
    private final Map<String, Long> executionTypes = new ConcurrentHashMap<>();
    private final Map<String, Long> artifactTypes = new ConcurrentHashMap<>();

    public GrpcMlmdWriter(String host, int port, Duration deadline) {
        this.channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
        this.stub = MetadataStoreServiceGrpc.newBlockingStub(channel);
        this.deadline = deadline;
    }

    private MetadataStoreServiceBlockingStub call() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public long putContext(Context context) {
        long typeId = typeId(contextTypes, context.getType(), name -> call().putContextType(PutContextTypeRequest
                .newBuilder().setContextType(ContextType.newBuilder().setName(name)).setCanAddFields(true).build())
                .getTypeId());
        if (!context.hasId()) {
            var existing = call().getContextByTypeAndName(GetContextByTypeAndNameRequest.newBuilder()
                    .setTypeName(context.getType()).setContextName(context.getName()).build());
            if (existing.hasContext()) {
                return existing.getContext().getId();
            }
        }
        return call().putContexts(PutContextsRequest.newBuilder().addContexts(context.toBuilder().setTypeId(typeId))
                .build()).getContextIds(0);
    }

    @Override
    public long putExecution(Execution execution) {
        long typeId = typeId(executionTypes, execution.getType(), name -> call().putExecutionType(
                PutExecutionTypeRequest.newBuilder().setExecutionType(ExecutionType.newBuilder().setName(name))
                        .setCanAddFields(true).build())
                .getTypeId());
        return call().putExecutions(PutExecutionsRequest.newBuilder().addExecutions(execution.toBuilder()
                .setTypeId(typeId)).build()).getExecutionIds(0);
    }

    @Override
    public long putArtifact(Artifact artifact) {
        long typeId = typeId(artifactTypes, artifact.getType(), name -> call().putArtifactType(
                PutArtifactTypeRequest.newBuilder().setArtifactType(ArtifactType.newBuilder().setName(name))
                        .setCanAddFields(true).build())
                .getTypeId());
        return call().putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(artifact.toBuilder()
                .setTypeId(typeId)).build()).getArtifactIds(0);
    }

    @Override
    public void putEvent(Event event) {
        call().putEvents(PutEventsRequest.newBuilder().addEvents(event).build());
    }

    @Override
    public void putAssociation(long executionId, long contextId) {
        call().putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
                .addAssociations(Association.newBuilder().setExecutionId(executionId).setContextId(contextId))
                .build());
    }

    @Override
    public void putAttribution(long artifactId, long contextId) {
        call().putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
                .addAttributions(Attribution.newBuilder().setArtifactId(artifactId).setContextId(contextId))
                .build());
    }

    @Override
    public void putParentContext(long childId, long parentId) {
        try {
            call().putParentContexts(PutParentContextsRequest.newBuilder().addParentContexts(ParentContext
                    .newBuilder().setChildId(childId).setParentId(parentId)).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    private static long typeId(Map<String, Long> cache, String name, Function<String, Long> register) {
        return cache.computeIfAbsent(name, register);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

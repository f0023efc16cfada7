package dev.quarkflow.pipelineengine.lineage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.Association;
import dev.quarkflow.proto.mlmd.Attribution;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.ContextType;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.ExecutionType;
import dev.quarkflow.proto.mlmd.GetArtifactsByIDRequest;
import dev.quarkflow.proto.mlmd.GetContextByTypeAndNameRequest;
import dev.quarkflow.proto.mlmd.GetEventsByExecutionIDsRequest;
import dev.quarkflow.proto.mlmd.GetExecutionsRequest;
import dev.quarkflow.proto.mlmd.GetExecutionsResponse;
import dev.quarkflow.proto.mlmd.ListOperationOptions;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub;
import dev.quarkflow.proto.mlmd.ParentContext;
import dev.quarkflow.proto.mlmd.PutArtifactTypeRequest;
import dev.quarkflow.proto.mlmd.PutArtifactsRequest;
import dev.quarkflow.proto.mlmd.PutAttributionsAndAssociationsRequest;
import dev.quarkflow.proto.mlmd.PutContextTypeRequest;
import dev.quarkflow.proto.mlmd.PutContextsRequest;
import dev.quarkflow.proto.mlmd.PutEventsRequest;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.mlmd.PutExecutionResponse;
import dev.quarkflow.proto.mlmd.PutExecutionTypeRequest;
import dev.quarkflow.proto.mlmd.PutExecutionsRequest;
import dev.quarkflow.proto.mlmd.PutParentContextsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * An {@link MlmdWriter} that talks to an ML Metadata server ({@code ml_metadata.MetadataStoreService}, e.g.
 * Quarkflow's metadata-grpc) over plaintext gRPC. Types are registered schemaless on first use (as upstream
 * does) and their ids remembered; every call has the configured deadline. A task's lineage is one
 * {@code PutExecution} call per write. Contexts and parent-context links that exist already are reused, so a run
 * recorded again (or two runs of one pipeline) never fails on {@code ALREADY_EXISTS}. Thread-safe: one writer
 * serves every run (the engine's and the api-server's).
 */
public final class GrpcMlmdWriter implements MlmdWriter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GrpcMlmdWriter.class);
    private static final int COMPLETED_PAGE = 20;

    private final ManagedChannel channel;
    private final MetadataStoreServiceBlockingStub stub;
    private final Duration deadline;
    private final Map<String, Long> typeIds = new ConcurrentHashMap<>();

    public GrpcMlmdWriter(String host, int port, Duration deadline) {
        this.channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
        this.stub = MetadataStoreServiceGrpc.newBlockingStub(channel);
        this.deadline = deadline;
    }

    private MetadataStoreServiceBlockingStub call() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private long typeId(String kind, String name, Function<String, Long> register) {
        return typeIds.computeIfAbsent(kind + "/" + name, key -> register.apply(name));
    }

    private long contextType(String name) {
        return typeId("context", name, n -> call().putContextType(PutContextTypeRequest.newBuilder()
                .setContextType(ContextType.newBuilder().setName(n)).setCanAddFields(true).build()).getTypeId());
    }

    private long executionType(String name) {
        return typeId("execution", name, n -> call().putExecutionType(PutExecutionTypeRequest.newBuilder()
                .setExecutionType(ExecutionType.newBuilder().setName(n)).setCanAddFields(true).build()).getTypeId());
    }

    private long artifactType(String name) {
        return typeId("artifact", name, n -> call().putArtifactType(PutArtifactTypeRequest.newBuilder()
                .setArtifactType(ArtifactType.newBuilder().setName(n)).setCanAddFields(true).build()).getTypeId());
    }

    @Override
    public long putContext(Context context) {
        Context typed = context.toBuilder().setTypeId(contextType(context.getType())).clearType().build();
        try {
            return call().putContexts(PutContextsRequest.newBuilder().addContexts(typed).build()).getContextIds(0);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
            return call().getContextByTypeAndName(GetContextByTypeAndNameRequest.newBuilder()
                    .setTypeName(context.getType()).setContextName(context.getName()).build()).getContext().getId();
        }
    }

    @Override
    public long putExecution(Execution execution) {
        Execution typed = execution.toBuilder().setTypeId(executionType(execution.getType())).clearType().build();
        return call().putExecutions(PutExecutionsRequest.newBuilder().addExecutions(typed).build())
                .getExecutionIds(0);
    }

    @Override
    public long putArtifact(Artifact artifact) {
        Artifact typed = artifact.toBuilder().setTypeId(artifactType(artifact.getType())).clearType().build();
        return call().putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(typed).build()).getArtifactIds(0);
    }

    @Override
    public void putEvent(Event event) {
        call().putEvents(PutEventsRequest.newBuilder().addEvents(event).build());
    }

    @Override
    public void putAssociation(long executionId, long contextId) {
        call().putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
                .addAssociations(Association.newBuilder().setExecutionId(executionId).setContextId(contextId)).build());
    }

    @Override
    public void putAttribution(long artifactId, long contextId) {
        call().putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
                .addAttributions(Attribution.newBuilder().setArtifactId(artifactId).setContextId(contextId)).build());
    }

    @Override
    public void putParentContext(long childId, long parentId) {
        try {
            call().putParentContexts(PutParentContextsRequest.newBuilder()
                    .addParentContexts(ParentContext.newBuilder().setChildId(childId).setParentId(parentId)).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    /** One {@code PutExecution} call; contexts are passed by type and name and reused, never modified. */
    @Override
    public PutExecutionResponse putExecution(PutExecutionRequest request) {
        PutExecutionRequest.Builder typed = request.toBuilder()
                .setExecution(request.getExecution().toBuilder()
                        .setTypeId(executionType(request.getExecution().getType())).clearType())
                .setOptions(PutExecutionRequest.Options.newBuilder().setReuseContextIfAlreadyExist(true));
        for (PutExecutionRequest.ArtifactAndEvent.Builder pair : typed.getArtifactEventPairsBuilderList()) {
            if (pair.hasArtifact()) {
                pair.getArtifactBuilder().setTypeId(artifactType(pair.getArtifact().getType())).clearType();
            }
        }
        for (Context.Builder context : typed.getContextsBuilderList()) {
            context.setTypeId(contextType(context.getType())).clearType().clearId();
        }
        return call().putExecution(typed.build());
    }

    /**
     * Container executions with the fingerprint, newest first (by id), a page at a time until a COMPLETE one; then its
     * OUTPUT events and their artifacts' URIs. Fingerprints are hex digests, safe inside the filter's quotes.
     */
    @Override
    public Optional<CompletedExecution> completedExecution(String cacheFingerprint) {
        ListOperationOptions.Builder options = ListOperationOptions.newBuilder().setMaxResultSize(COMPLETED_PAGE)
                .setOrderByField(ListOperationOptions.OrderByField.newBuilder()
                        .setField(ListOperationOptions.OrderByField.Field.ID).setIsAsc(false))
                .setFilterQuery("custom_properties." + MlmdLineageRecorder.CACHE_FINGERPRINT + ".string_value = '"
                        + cacheFingerprint + "'");
        while (true) {
            GetExecutionsResponse page;
            try {
                page = call().getExecutions(GetExecutionsRequest.newBuilder().setOptions(options).build());
            } catch (StatusRuntimeException e) {
                // the hit is still recorded, as a new output artifact, like a server without filter queries would
                LOG.warnf("cannot look up the execution a cache hit reuses (fingerprint %s): %s", cacheFingerprint,
                        e.getStatus());
                return Optional.empty();
            }
            Optional<Execution> completed = page.getExecutionsList().stream()
                    .filter(e -> e.getLastKnownState() == Execution.State.COMPLETE
                            && MlmdLineageRecorder.CONTAINER_EXECUTION.equals(e.getType()))
                    .findFirst();
            if (completed.isPresent()) {
                return Optional.of(new CompletedExecution(completed.get().getId(),
                        outputArtifactIdsByUri(completed.get().getId())));
            }
            if (page.getNextPageToken().isEmpty()) {
                return Optional.empty();
            }
            options.setNextPageToken(page.getNextPageToken());
        }
    }

    private Map<String, Long> outputArtifactIdsByUri(long executionId) {
        List<Long> outputs = call().getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
                .addExecutionIds(executionId).build()).getEventsList().stream()
                .filter(event -> event.getType() == Event.Type.OUTPUT).map(Event::getArtifactId).distinct().toList();
        Map<String, Long> byUri = new LinkedHashMap<>();
        if (!outputs.isEmpty()) {
            call().getArtifactsByID(GetArtifactsByIDRequest.newBuilder().addAllArtifactIds(outputs).build())
                    .getArtifactsList().forEach(artifact -> byUri.putIfAbsent(artifact.getUri(), artifact.getId()));
        }
        return byUri;
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.shutdownNow();
        }
    }
}

package dev.quarkflow.apiserver.grpc;

import java.io.IOException;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.service.ArtifactContent;
import dev.quarkflow.apiserver.service.RunApi;
import dev.quarkflow.apiserver.service.RunArtifactApi;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.ArchiveRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.CreateRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.DeleteRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListRunsRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListRunsResponse;
import dev.quarkflow.proto.kfp.v2beta1.ReadArtifactRequest;
import dev.quarkflow.proto.kfp.v2beta1.ReadArtifactResponse;
import dev.quarkflow.proto.kfp.v2beta1.RetryRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.Run;
import dev.quarkflow.proto.kfp.v2beta1.RunServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.TerminateRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.UnarchiveRunRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** RunService over gRPC. */
@GrpcService
@Blocking
public class RunGrpcService extends RunServiceGrpc.RunServiceImplBase {

    private final RunApi api;
    private final RunArtifactApi artifacts;
    private final ApiServerConfig config;

    RunGrpcService(RunApi api, RunArtifactApi artifacts, ApiServerConfig config) {
        this.api = api;
        this.artifacts = artifacts;
        this.config = config;
    }

    @Override
    public void createRun(CreateRunRequest request, StreamObserver<Run> observer) {
        GrpcCalls.unary(observer, () -> api.create(request.getRun()));
    }

    @Override
    public void getRun(GetRunRequest request, StreamObserver<Run> observer) {
        GrpcCalls.unary(observer, () -> api.get(request.getRunId()));
    }

    @Override
    public void listRuns(ListRunsRequest request, StreamObserver<ListRunsResponse> observer) {
        GrpcCalls.unary(observer, () -> api.list(request.getNamespace(), request.getExperimentId(), new ListParams(
                request.getPageToken(), request.getPageSize(), request.getSortBy(), request.getFilter())));
    }

    @Override
    public void archiveRun(ArchiveRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.archive(request.getRunId()));
    }

    @Override
    public void unarchiveRun(UnarchiveRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.unarchive(request.getRunId()));
    }

    @Override
    public void deleteRun(DeleteRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.delete(request.getRunId()));
    }

    /** The artifact whole in one message, so bounded by {@code artifacts.grpc-max-size}; REST streams any size. */
    @Override
    public void readArtifact(ReadArtifactRequest request, StreamObserver<ReadArtifactResponse> observer) {
        GrpcCalls.unary(observer, () -> {
            RunArtifactApi.ArtifactFile artifact = artifacts.locate(request.getRunId(), request.getNodeId(),
                    request.getArtifactName());
            try {
                return ReadArtifactResponse.newBuilder().setData(ByteString.copyFrom(
                        ArtifactContent.read(artifact, config.artifacts().grpcMaxSize().asLongValue()))).build();
            } catch (ArtifactContent.TooLargeException e) {
                throw Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException();
            } catch (IOException e) {
                throw QuarkflowException.notFound("artifact_name", "The content of artifact " + artifact.uri()
                        + " cannot be read: " + e.getMessage());
            }
        });
    }

    @Override
    public void terminateRun(TerminateRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.terminate(request.getRunId()));
    }

    @Override
    public void retryRun(RetryRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.retry(request.getRunId()));
    }
}

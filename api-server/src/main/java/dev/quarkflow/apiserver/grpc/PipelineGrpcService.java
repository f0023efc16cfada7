package dev.quarkflow.apiserver.grpc;

import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.service.PipelineApi;
import dev.quarkflow.proto.kfp.v2beta1.CreatePipelineAndVersionRequest;
import dev.quarkflow.proto.kfp.v2beta1.CreatePipelineRequest;
import dev.quarkflow.proto.kfp.v2beta1.CreatePipelineVersionRequest;
import dev.quarkflow.proto.kfp.v2beta1.DeletePipelineRequest;
import dev.quarkflow.proto.kfp.v2beta1.DeletePipelineVersionRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetPipelineByNameRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetPipelineRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetPipelineVersionRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListPipelineVersionsRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListPipelineVersionsResponse;
import dev.quarkflow.proto.kfp.v2beta1.ListPipelinesRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListPipelinesResponse;
import dev.quarkflow.proto.kfp.v2beta1.Pipeline;
import dev.quarkflow.proto.kfp.v2beta1.PipelineServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.PipelineVersion;
import dev.quarkflow.proto.kfp.v2beta1.UpdatePipelineRequest;
import dev.quarkflow.proto.kfp.v2beta1.UpdatePipelineVersionRequest;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** PipelineService over gRPC, on the same domain service as REST. */
@GrpcService
@Blocking
public class PipelineGrpcService extends PipelineServiceGrpc.PipelineServiceImplBase {

    private final PipelineApi api;

    PipelineGrpcService(PipelineApi api) {
        this.api = api;
    }

    @Override
    public void createPipeline(CreatePipelineRequest request, StreamObserver<Pipeline> observer) {
        GrpcCalls.unary(observer, () -> api.createPipeline(request.getPipeline()));
    }

    @Override
    public void createPipelineAndVersion(CreatePipelineAndVersionRequest request, StreamObserver<Pipeline> observer) {
        GrpcCalls.unary(observer, () -> api.createPipelineAndVersion(request));
    }

    @Override
    public void getPipeline(GetPipelineRequest request, StreamObserver<Pipeline> observer) {
        GrpcCalls.unary(observer, () -> api.getPipeline(request.getPipelineId()));
    }

    @Override
    public void getPipelineByName(GetPipelineByNameRequest request, StreamObserver<Pipeline> observer) {
        GrpcCalls.unary(observer, () -> api.getPipelineByName(request.getNamespace(), request.getName()));
    }

    @Override
    public void listPipelines(ListPipelinesRequest request, StreamObserver<ListPipelinesResponse> observer) {
        GrpcCalls.unary(observer, () -> api.listPipelines(request.getNamespace(), new ListParams(
                request.getPageToken(), request.getPageSize(), request.getSortBy(), request.getFilter())));
    }

    @Override
    public void updatePipeline(UpdatePipelineRequest request, StreamObserver<Pipeline> observer) {
        GrpcCalls.unary(observer, () -> api.updatePipeline(request.getPipeline(), false));
    }

    @Override
    public void deletePipeline(DeletePipelineRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.deletePipeline(request.getPipelineId(), request.getCascade()));
    }

    @Override
    public void createPipelineVersion(CreatePipelineVersionRequest request,
            StreamObserver<PipelineVersion> observer) {
        GrpcCalls.unary(observer, () -> api.createPipelineVersion(request.getPipelineId(),
                request.getPipelineVersion()));
    }

    @Override
    public void getPipelineVersion(GetPipelineVersionRequest request, StreamObserver<PipelineVersion> observer) {
        GrpcCalls.unary(observer, () -> api.getPipelineVersion(request.getPipelineVersionId()));
    }

    @Override
    public void listPipelineVersions(ListPipelineVersionsRequest request,
            StreamObserver<ListPipelineVersionsResponse> observer) {
        GrpcCalls.unary(observer, () -> api.listPipelineVersions(request.getPipelineId(), new ListParams(
                request.getPageToken(), request.getPageSize(), request.getSortBy(), request.getFilter())));
    }

    @Override
    public void updatePipelineVersion(UpdatePipelineVersionRequest request,
            StreamObserver<PipelineVersion> observer) {
        GrpcCalls.unary(observer, () -> api.updatePipelineVersion(request.getPipelineVersion(), false));
    }

    @Override
    public void deletePipelineVersion(DeletePipelineVersionRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.deletePipelineVersion(request.getPipelineVersionId()));
    }
}

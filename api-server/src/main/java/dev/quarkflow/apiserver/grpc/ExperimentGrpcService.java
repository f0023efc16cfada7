package dev.quarkflow.apiserver.grpc;

import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.service.ExperimentApi;
import dev.quarkflow.proto.kfp.v2beta1.ArchiveExperimentRequest;
import dev.quarkflow.proto.kfp.v2beta1.CreateExperimentRequest;
import dev.quarkflow.proto.kfp.v2beta1.DeleteExperimentRequest;
import dev.quarkflow.proto.kfp.v2beta1.Experiment;
import dev.quarkflow.proto.kfp.v2beta1.ExperimentServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.GetExperimentRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListExperimentsRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListExperimentsResponse;
import dev.quarkflow.proto.kfp.v2beta1.UnarchiveExperimentRequest;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** ExperimentService over gRPC. */
@GrpcService
@Blocking
public class ExperimentGrpcService extends ExperimentServiceGrpc.ExperimentServiceImplBase {

    private final ExperimentApi api;

    ExperimentGrpcService(ExperimentApi api) {
        this.api = api;
    }

    @Override
    public void createExperiment(CreateExperimentRequest request, StreamObserver<Experiment> observer) {
        GrpcCalls.unary(observer, () -> api.create(request.getExperiment()));
    }

    @Override
    public void getExperiment(GetExperimentRequest request, StreamObserver<Experiment> observer) {
        GrpcCalls.unary(observer, () -> api.get(request.getExperimentId()));
    }

    @Override
    public void listExperiments(ListExperimentsRequest request, StreamObserver<ListExperimentsResponse> observer) {
        GrpcCalls.unary(observer, () -> api.list(request.getNamespace(), new ListParams(request.getPageToken(),
                request.getPageSize(), request.getSortBy(), request.getFilter())));
    }

    @Override
    public void archiveExperiment(ArchiveExperimentRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.archive(request.getExperimentId()));
    }

    @Override
    public void unarchiveExperiment(UnarchiveExperimentRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.unarchive(request.getExperimentId()));
    }

    @Override
    public void deleteExperiment(DeleteExperimentRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.delete(request.getExperimentId()));
    }
}

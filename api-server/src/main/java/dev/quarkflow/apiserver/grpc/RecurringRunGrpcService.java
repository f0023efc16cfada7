package dev.quarkflow.apiserver.grpc;

import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.service.RecurringRunApi;
import dev.quarkflow.proto.kfp.v2beta1.CreateRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.DeleteRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.DisableRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.EnableRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListRecurringRunsRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListRecurringRunsResponse;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRun;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRunServiceGrpc;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** RecurringRunService over gRPC. */
@GrpcService
@Blocking
public class RecurringRunGrpcService extends RecurringRunServiceGrpc.RecurringRunServiceImplBase {

    private final RecurringRunApi api;

    RecurringRunGrpcService(RecurringRunApi api) {
        this.api = api;
    }

    @Override
    public void createRecurringRun(CreateRecurringRunRequest request, StreamObserver<RecurringRun> observer) {
        GrpcCalls.unary(observer, () -> api.create(request.getRecurringRun()));
    }

    @Override
    public void getRecurringRun(GetRecurringRunRequest request, StreamObserver<RecurringRun> observer) {
        GrpcCalls.unary(observer, () -> api.get(request.getRecurringRunId()));
    }

    @Override
    public void listRecurringRuns(ListRecurringRunsRequest request,
            StreamObserver<ListRecurringRunsResponse> observer) {
        GrpcCalls.unary(observer, () -> api.list(request.getNamespace(), request.getExperimentId(),
                new ListParams(request.getPageToken(), request.getPageSize(), request.getSortBy(),
                        request.getFilter())));
    }

    @Override
    public void enableRecurringRun(EnableRecurringRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.enable(request.getRecurringRunId()));
    }

    @Override
    public void disableRecurringRun(DisableRecurringRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.disable(request.getRecurringRunId()));
    }

    @Override
    public void deleteRecurringRun(DeleteRecurringRunRequest request, StreamObserver<Empty> observer) {
        GrpcCalls.empty(observer, () -> api.delete(request.getRecurringRunId()));
    }
}

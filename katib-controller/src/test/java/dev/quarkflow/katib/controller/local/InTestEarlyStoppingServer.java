package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.quarkflow.proto.katib.EarlyStoppingGrpc;
import dev.quarkflow.proto.katib.EarlyStoppingRule;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.SetTrialStatusReply;
import dev.quarkflow.proto.katib.SetTrialStatusRequest;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsReply;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * An EarlyStopping service on a free loopback port that answers every call with one given rule, recording the
 * requests; SetTrialStatus answers UNIMPLEMENTED as katib-suggestion does.
 */
public final class InTestEarlyStoppingServer extends EarlyStoppingGrpc.EarlyStoppingImplBase implements AutoCloseable {

    public final List<GetEarlyStoppingRulesRequest> requests = new CopyOnWriteArrayList<>();
    public final List<ValidateEarlyStoppingSettingsRequest> validations = new CopyOnWriteArrayList<>();
    private final EarlyStoppingRule rule;
    private final Server server;

    public InTestEarlyStoppingServer(EarlyStoppingRule rule) throws IOException {
        this.rule = rule;
        server = NettyServerBuilder.forPort(0).addService(this).build().start();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void getEarlyStoppingRules(GetEarlyStoppingRulesRequest request,
            StreamObserver<GetEarlyStoppingRulesReply> response) {
        requests.add(request);
        response.onNext(GetEarlyStoppingRulesReply.newBuilder().addEarlyStoppingRules(rule).build());
        response.onCompleted();
    }

    @Override
    public void validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest request,
            StreamObserver<ValidateEarlyStoppingSettingsReply> response) {
        validations.add(request);
        response.onNext(ValidateEarlyStoppingSettingsReply.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void setTrialStatus(SetTrialStatusRequest request, StreamObserver<SetTrialStatusReply> response) {
        response.onError(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}

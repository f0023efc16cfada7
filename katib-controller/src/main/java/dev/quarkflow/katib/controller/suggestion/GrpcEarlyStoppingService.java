package dev.quarkflow.katib.controller.suggestion;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.quarkflow.proto.katib.EarlyStoppingGrpc;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/** An EarlyStopping service at {@code host:port} over plaintext gRPC; every call carries the configured deadline. */
public final class GrpcEarlyStoppingService implements EarlyStoppingService, AutoCloseable {

    private final ManagedChannel channel;
    private final Duration deadline;

    public GrpcEarlyStoppingService(String address, Duration deadline) {
        this.channel = NettyChannelBuilder.forTarget(address).usePlaintext()
                .maxInboundMessageSize(Integer.MAX_VALUE).build();
        this.deadline = deadline;
    }

    private EarlyStoppingGrpc.EarlyStoppingBlockingStub stub() {
        return EarlyStoppingGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public GetEarlyStoppingRulesReply getEarlyStoppingRules(GetEarlyStoppingRulesRequest request) {
        return stub().getEarlyStoppingRules(request);
    }

    @Override
    public void validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest request) {
        stub().validateEarlyStoppingSettings(request);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

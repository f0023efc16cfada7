package dev.quarkflow.katib.controller.suggestion;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.SuggestionGrpc;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/** A Suggestion service at {@code host:port} over plaintext gRPC; every call carries the configured deadline. */
public final class GrpcSuggestionService implements SuggestionService, AutoCloseable {

    private final ManagedChannel channel;
    private final Duration deadline;

    public GrpcSuggestionService(String address, Duration deadline) {
        this.channel = NettyChannelBuilder.forTarget(address).usePlaintext()
                .maxInboundMessageSize(Integer.MAX_VALUE).build();
        this.deadline = deadline;
    }

    private SuggestionGrpc.SuggestionBlockingStub stub() {
        return SuggestionGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public GetSuggestionsReply getSuggestions(GetSuggestionsRequest request) {
        return stub().getSuggestions(request);
    }

    @Override
    public void validateAlgorithmSettings(ValidateAlgorithmSettingsRequest request) {
        stub().validateAlgorithmSettings(request);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

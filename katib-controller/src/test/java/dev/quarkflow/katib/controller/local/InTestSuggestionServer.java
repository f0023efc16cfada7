package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.ParameterAssignment;
import dev.quarkflow.proto.katib.ParameterSpec;
import dev.quarkflow.proto.katib.ParameterType;
import dev.quarkflow.proto.katib.SuggestionGrpc;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsReply;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsRequest;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/** A random-search Suggestion service on a free loopback port, recording every request it answered. */
public final class InTestSuggestionServer extends SuggestionGrpc.SuggestionImplBase implements AutoCloseable {

    public final List<GetSuggestionsRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger validations = new AtomicInteger();
    private final Random random = new Random(42);
    private final Server server;

    public InTestSuggestionServer() throws IOException {
        server = NettyServerBuilder.forPort(0).addService(this).build().start();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void getSuggestions(GetSuggestionsRequest request, StreamObserver<GetSuggestionsReply> response) {
        requests.add(request);
        GetSuggestionsReply.Builder reply = GetSuggestionsReply.newBuilder();
        for (int i = 0; i < request.getCurrentRequestNumber(); i++) {
            GetSuggestionsReply.ParameterAssignments.Builder assignments = GetSuggestionsReply.ParameterAssignments
                    .newBuilder();
            for (ParameterSpec parameter : request.getExperiment().getSpec().getParameterSpecs().getParametersList()) {
                assignments.addAssignments(ParameterAssignment.newBuilder().setName(parameter.getName())
                        .setValue(sample(parameter)));
            }
            reply.addParameterAssignments(assignments);
        }
        response.onNext(reply.build());
        response.onCompleted();
    }

    @Override
    public void validateAlgorithmSettings(ValidateAlgorithmSettingsRequest request,
            StreamObserver<ValidateAlgorithmSettingsReply> response) {
        validations.incrementAndGet();
        response.onNext(ValidateAlgorithmSettingsReply.getDefaultInstance());
        response.onCompleted();
    }

    private String sample(ParameterSpec parameter) {
        double min = Double.parseDouble(parameter.getFeasibleSpace().getMin());
        double max = Double.parseDouble(parameter.getFeasibleSpace().getMax());
        if (parameter.getParameterType() == ParameterType.INT) {
            return Integer.toString((int) min + random.nextInt((int) (max - min) + 1));
        }
        return Double.toString(min + random.nextDouble() * (max - min));
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}

package dev.quarkflow.katib.suggestion.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.quarkflow.katib.suggestion.config.SuggestionConfig;
import dev.quarkflow.proto.katib.EarlyStopping;
import dev.quarkflow.proto.katib.EarlyStoppingGrpc;
import io.grpc.Server;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Katib's early-stopping port (6788): a second gRPC server carrying only {@code api.v1.beta1.EarlyStopping}, for
 * when this service runs alone in place of Katib's suggestion pod (whose second container listens there). The
 * main server on 6789 carries EarlyStopping too. {@code quarkflow.katib-suggestion.early-stopping-port} &lt; 0
 * switches it off.
 */
@ApplicationScoped
public class EarlyStoppingServer {

    private static final Logger LOG = Logger.getLogger(EarlyStoppingServer.class);

    private final SuggestionConfig config;
    private final EarlyStoppingGrpcService service;
    private Server server;

    public EarlyStoppingServer(SuggestionConfig config, @GrpcService EarlyStoppingGrpcService service) {
        this.config = config;
        this.service = service;
    }

    void start(@Observes StartupEvent event) {
        if (config.earlyStoppingPort() < 0) {
            return;
        }
        try {
            server = NettyServerBuilder.forPort(config.earlyStoppingPort()).addService(definition(service)).build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on early-stopping port " + config.earlyStoppingPort(), e);
        }
        LOG.infof("EarlyStopping gRPC server started port=%d", server.getPort());
    }

    /** The bound port, or -1 when switched off. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (server != null) {
            server.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The service definition by hand: a subclass of the generated ImplBase would make Quarkus take it for the
     * implementation and skip registering the CDI service on the main server.
     */
    private static ServerServiceDefinition definition(EarlyStopping service) {
        return ServerServiceDefinition.builder(EarlyStoppingGrpc.getServiceDescriptor())
                .addMethod(EarlyStoppingGrpc.getGetEarlyStoppingRulesMethod(), unary(service::getEarlyStoppingRules))
                .addMethod(EarlyStoppingGrpc.getSetTrialStatusMethod(), unary(service::setTrialStatus))
                .addMethod(EarlyStoppingGrpc.getValidateEarlyStoppingSettingsMethod(),
                        unary(service::validateEarlyStoppingSettings))
                .build();
    }

    private static <Q, R> ServerCallHandler<Q, R> unary(Function<Q, Uni<R>> method) {
        return ServerCalls.asyncUnaryCall((request, observer) -> method.apply(request).subscribe().with(reply -> {
            observer.onNext(reply);
            observer.onCompleted();
        }, failure -> observer.onError(GrpcCalls.toStatus("EarlyStopping", failure))));
    }
}

package dev.quarkflow.katib.suggestion.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.quarkflow.katib.suggestion.config.SuggestionConfig;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.MutinyEarlyStoppingGrpc;
import dev.quarkflow.proto.katib.SetTrialStatusReply;
import dev.quarkflow.proto.katib.SetTrialStatusRequest;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsReply;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
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
            server = NettyServerBuilder.forPort(config.earlyStoppingPort()).addService(new Adapter(service)).build()
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

    /** Binds the CDI service (spans and error mapping included) to the plain server. */
    private static final class Adapter extends MutinyEarlyStoppingGrpc.EarlyStoppingImplBase {
        private final EarlyStoppingGrpcService delegate;

        Adapter(EarlyStoppingGrpcService delegate) {
            this.delegate = delegate;
        }

        @Override
        public Uni<GetEarlyStoppingRulesReply> getEarlyStoppingRules(GetEarlyStoppingRulesRequest request) {
            return delegate.getEarlyStoppingRules(request);
        }

        @Override
        public Uni<SetTrialStatusReply> setTrialStatus(SetTrialStatusRequest request) {
            return delegate.setTrialStatus(request);
        }

        @Override
        public Uni<ValidateEarlyStoppingSettingsReply> validateEarlyStoppingSettings(
                ValidateEarlyStoppingSettingsRequest request) {
            return delegate.validateEarlyStoppingSettings(request);
        }
    }
}

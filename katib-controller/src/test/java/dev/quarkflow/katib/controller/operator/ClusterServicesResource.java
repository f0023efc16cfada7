package dev.quarkflow.katib.controller.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.quarkflow.katib.controller.local.InTestEarlyStoppingServer;
import dev.quarkflow.katib.controller.local.InTestSuggestionServer;
import dev.quarkflow.proto.katib.ComparisonType;
import dev.quarkflow.proto.katib.EarlyStoppingRule;
import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays cluster DNS for the suggestion Services the controller creates: {@code <name>.<namespace>:6789} resolves to an
 * in-test Suggestion server, {@code :6788} to an in-test EarlyStopping server (its rule never stops a trial), other
 * targets to themselves. Registered for the lifetime of the test application only.
 */
public class ClusterServicesResource implements QuarkusTestResourceLifecycleManager {

    static InTestSuggestionServer SUGGESTIONS;
    private InTestEarlyStoppingServer earlyStopping;
    private NameResolverProvider dns;

    @Override
    public Map<String, String> start() {
        try {
            SUGGESTIONS = new InTestSuggestionServer();
            earlyStopping = new InTestEarlyStoppingServer(EarlyStoppingRule.newBuilder().setName("loss")
                    .setValue("1000").setComparison(ComparisonType.GREATER).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dns = new ServiceDns(port(SUGGESTIONS.address()), port(earlyStopping.address()));
        NameResolverRegistry.getDefaultRegistry().register(dns);
        // unresolvable on purpose: with a katib-config the configured single address must not be used
        return Map.of("quarkflow.katib-controller.suggestion-address", "127.0.0.1:1",
                "quarkflow.katib-controller.early-stopping-address", "127.0.0.1:1");
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Override
    public void stop() {
        NameResolverRegistry.getDefaultRegistry().deregister(dns);
        try {
            SUGGESTIONS.close();
            earlyStopping.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class ServiceDns extends NameResolverProvider {
        private final int suggestionPort;
        private final int earlyStoppingPort;

        ServiceDns(int suggestionPort, int earlyStoppingPort) {
            this.suggestionPort = suggestionPort;
            this.earlyStoppingPort = earlyStoppingPort;
        }

        @Override
        protected boolean isAvailable() {
            return true;
        }

        @Override
        protected int priority() {
            return 9;
        }

        @Override
        public String getDefaultScheme() {
            return "dns";
        }

        @Override
        public NameResolver newNameResolver(URI target, NameResolver.Args args) {
            if (!"dns".equals(target.getScheme())) {
                return null;
            }
            URI authority = URI.create("//" + target.getPath().substring(1));
            String host = authority.getHost();
            int port = authority.getPort();
            InetSocketAddress address = !host.matches("[a-z0-9-]+\\.[a-z0-9-]+") ? new InetSocketAddress(host, port)
                    : new InetSocketAddress("127.0.0.1", port == 6788 ? earlyStoppingPort : suggestionPort);
            return new NameResolver() {
                @Override
                public String getServiceAuthority() {
                    return target.getPath().substring(1);
                }

                @Override
                public void start(Listener2 listener) {
                    listener.onResult(ResolutionResult.newBuilder()
                            .setAddresses(List.of(new EquivalentAddressGroup(address))).setAttributes(Attributes.EMPTY)
                            .build());
                }

                @Override
                public void shutdown() {
                }
            };
        }
    }
}

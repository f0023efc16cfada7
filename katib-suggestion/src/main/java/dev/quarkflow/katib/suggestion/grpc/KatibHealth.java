package dev.quarkflow.katib.suggestion.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.quarkus.grpc.runtime.health.GrpcHealthStorage;
import io.quarkus.runtime.StartupEvent;

/**
 * Registers the service name Katib's gRPC probe asks for ({@code manager.v1beta1.Suggestion}, facts 1.4) with the
 * standard health service; {@code ""} and our own service names are registered by Quarkus.
 */
@ApplicationScoped
public class KatibHealth {

    public static final String KATIB_PROBE_SERVICE = "manager.v1beta1.Suggestion";

    void register(@Observes StartupEvent event, GrpcHealthStorage storage) {
        storage.setStatus(KATIB_PROBE_SERVICE, ServingStatus.SERVING);
    }
}

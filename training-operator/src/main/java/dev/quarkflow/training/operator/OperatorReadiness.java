package dev.quarkflow.training.operator;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.operatorsdk.runtime.OperatorHealthCheck;

/**
 * Readiness: QOSDK's informer check when the reconcilers run; UP with {@code mode=idle} when no cluster was found at
 * start-up (the embedded shape). QOSDK's check itself is disabled in application.properties and called from here.
 */
@Readiness
@ApplicationScoped
public class OperatorReadiness implements HealthCheck {

    static final String NAME = "training-operator";

    private final OperatorStartup startup;
    private final OperatorHealthCheck informers;

    public OperatorReadiness(OperatorStartup startup, @Readiness OperatorHealthCheck informers) {
        this.startup = startup;
        this.informers = informers;
    }

    @Override
    public HealthCheckResponse call() {
        if (startup.idle()) {
            return HealthCheckResponse.named(NAME).up().withData("mode", "idle: no Kubernetes cluster").build();
        }
        HealthCheckResponse response = informers.call();
        var builder = HealthCheckResponse.named(NAME).status(response.getStatus() == HealthCheckResponse.Status.UP)
                .withData("mode", "reconciling");
        response.getData().ifPresent(data -> data.forEach((key, value) -> builder.withData(key, String.valueOf(value))));
        return builder.build();
    }
}

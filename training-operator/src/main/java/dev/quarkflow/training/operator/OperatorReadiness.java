package dev.quarkflow.training.operator;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.quarkflow.common.operator.OperatorActivation;
import io.quarkiverse.operatorsdk.runtime.OperatorHealthCheck;

/** Readiness: QOSDK's informer check when reconciling, UP with {@code mode=idle} without a cluster. */
@Readiness
@ApplicationScoped
public class OperatorReadiness implements HealthCheck {

    private final OperatorStartup startup;
    private final OperatorHealthCheck informers;

    public OperatorReadiness(OperatorStartup startup, @Readiness OperatorHealthCheck informers) {
        this.startup = startup;
        this.informers = informers;
    }

    @Override
    public HealthCheckResponse call() {
        return OperatorActivation.readiness("training-operator", startup.idle(), informers::call);
    }
}

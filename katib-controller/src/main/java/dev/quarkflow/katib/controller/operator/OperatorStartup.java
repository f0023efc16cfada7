package dev.quarkflow.katib.controller.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.quarkflow.common.operator.OperatorActivation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.StartupEvent;

/** Starts the reconcilers when a Kubernetes API server answers ({@link OperatorActivation}); DBManager serves anyway. */
@ApplicationScoped
public class OperatorStartup {

    private static final Logger LOG = Logger.getLogger(OperatorStartup.class);

    private final Operator operator;
    private final KubernetesClient client;
    private final KatibControllerConfig config;
    private volatile boolean idle;

    public OperatorStartup(Operator operator, KubernetesClient client, KatibControllerConfig config) {
        this.operator = operator;
        this.client = client;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (OperatorActivation.shouldStart(config.start(), client, config.clusterProbeTimeout())) {
            LOG.infof("Starting the Katib reconcilers against %s", client.getMasterUrl());
            operator.start();
        } else {
            idle = true;
            LOG.infof("No Kubernetes API server at %s (start=%s): Katib reconcilers stay idle, DBManager serves",
                    client.getMasterUrl(), config.start());
        }
    }

    /** True when the reconcilers were deliberately not started. */
    public boolean idle() {
        return idle;
    }
}

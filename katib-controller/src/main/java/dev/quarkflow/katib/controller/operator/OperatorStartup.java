package dev.quarkflow.katib.controller.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts the reconcilers (QOSDK's own start is off) only when a Kubernetes API server answers, so that the embedded
 * shape ({@code java -jar} on a laptop, no cluster) starts, serves DBManager and reports healthy.
 */
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
        boolean start = switch (config.start()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> clusterAnswers();
        };
        if (start) {
            LOG.infof("Starting the Katib reconcilers against %s", client.getMasterUrl());
            operator.start();
        } else {
            idle = true;
            LOG.infof("No Kubernetes API server at %s (start=%s): Katib reconcilers stay idle, DBManager serves",
                    client.getMasterUrl(), config.start());
        }
    }

    public boolean idle() {
        return idle;
    }

    private boolean clusterAnswers() {
        int timeout = (int) config.clusterProbeTimeout().toMillis();
        var probeConfig = new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(timeout).withRequestTimeout(timeout).build();
        try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(probeConfig).build()) {
            probe.getKubernetesVersion();
            return true;
        } catch (KubernetesClientException e) {
            // any HTTP answer (a 403 on /version, say) proves a server is there
            return e.getCode() > 0;
        }
    }
}

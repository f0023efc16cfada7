package dev.quarkflow.training.operator;

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
 * Starts the reconcilers (QOSDK's own start is off) when a Kubernetes API server answers, so that the embedded shape
 * ({@code java -jar} on a laptop, no cluster) starts, stays idle and reports healthy.
 */
@ApplicationScoped
public class OperatorStartup {

    private static final Logger LOG = Logger.getLogger(OperatorStartup.class);

    private final Operator operator;
    private final KubernetesClient client;
    private final TrainingOperatorConfig config;
    private volatile boolean idle;

    public OperatorStartup(Operator operator, KubernetesClient client, TrainingOperatorConfig config) {
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
            LOG.infof("Starting the training operator against %s", client.getMasterUrl());
            operator.start();
        } else {
            idle = true;
            LOG.warnf("No Kubernetes API server reachable at %s (start=%s): the training operator stays idle",
                    client.getMasterUrl(), config.start());
        }
    }

    /** True when the reconcilers were deliberately not started. */
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
            // any HTTP answer (403 from a locked-down /version, say) proves a server is there
            return e.getCode() > 0;
        }
    }
}

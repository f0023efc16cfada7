package dev.quarkflow.common.operator;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Whether an operator starts its reconcilers, and what its readiness says about it. Quarkflow's operators start
 * (QOSDK's own start switched off) only where a Kubernetes API server answers, so that the embedded shape —
 * {@code java -jar} on a laptop with no cluster — starts, stays idle and reports ready.
 *
 * <pre>{@code
 * if (OperatorActivation.shouldStart(config.start(), client, config.clusterProbeTimeout()))
 *     operator.start();
 * }</pre>
 */
public final class OperatorActivation {

    /** When to start the reconcilers. */
    public enum Mode {
        /** Only if a Kubernetes API server answers at start-up. */
        AUTO,
        ALWAYS,
        NEVER
    }

    private OperatorActivation() {
    }

    public static boolean shouldStart(Mode mode, KubernetesClient client, Duration probeTimeout) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> clusterAnswers(client, probeTimeout);
        };
    }

    /** True when an API server answers the client's configuration within the timeout, with no retries. */
    public static boolean clusterAnswers(KubernetesClient client, Duration timeout) {
        int millis = (int) timeout.toMillis();
        var probeConfig = new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(millis).withRequestTimeout(millis).build();
        try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(probeConfig).build()) {
            probe.getKubernetesVersion();
            return true;
        } catch (KubernetesClientException e) {
            // any HTTP answer (403 from a locked-down /version, say) proves a server is there
            return e.getCode() > 0;
        }
    }

    /**
     * Readiness of an operator: UP with {@code mode=idle} when its reconcilers were not started, else QOSDK's informer
     * check (whose own registration is switched off) under the operator's name with {@code mode=reconciling}.
     */
    public static HealthCheckResponse readiness(String name, boolean idle, Supplier<HealthCheckResponse> informers) {
        if (idle) {
            return HealthCheckResponse.named(name).up().withData("mode", "idle: no Kubernetes cluster").build();
        }
        HealthCheckResponse response = informers.get();
        var builder = HealthCheckResponse.named(name).status(response.getStatus() == HealthCheckResponse.Status.UP)
                .withData("mode", "reconciling");
        response.getData().ifPresent(data -> data.forEach((key, value) -> builder.withData(key, String.valueOf(value))));
        return builder.build();
    }
}

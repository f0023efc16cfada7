package dev.quarkflow.common.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

class OperatorActivationTest {

    @Test
    void auto_staysIdle_whenNothingListensAtTheApiServerAddress() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:" + freePort).build()).build()) {

            boolean start = OperatorActivation.shouldStart(OperatorActivation.Mode.AUTO, client, Duration.ofSeconds(2));

            assertThat(start).isFalse();
            assertThat(OperatorActivation.shouldStart(OperatorActivation.Mode.ALWAYS, client, Duration.ofSeconds(2)))
                    .isTrue();
            assertThat(OperatorActivation.shouldStart(OperatorActivation.Mode.NEVER, client, Duration.ofSeconds(2)))
                    .isFalse();
        }
    }

    @Test
    void readiness_isUpAndIdle_withoutCluster_andFollowsInformers_otherwise() {
        HealthCheckResponse idle = OperatorActivation.readiness("op", true, () -> {
            throw new AssertionError("informers must not be asked while idle");
        });
        HealthCheckResponse down = OperatorActivation.readiness("op", false,
                () -> HealthCheckResponse.named("informers").down().withData("pods", "not synced").build());

        assertThat(idle.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(idle.getData()).get().extracting(data -> data.get("mode")).asString().startsWith("idle");
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData()).get().isEqualTo(Map.of("mode", "reconciling", "pods", "not synced"));
    }
}

package dev.quarkflow.training.operator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;

/** What every reconcile test on the mock API server needs: the client, the server and a {@link MockCluster}. */
abstract class MockClusterTest {

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    ReconcileProbe probe;

    MockCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = new MockCluster(client, server, probe);
    }
}

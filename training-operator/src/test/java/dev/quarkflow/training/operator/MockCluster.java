package dev.quarkflow.training.operator;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/** Drives the mock API server like a kubelet would, and counts the status writes the operator sent. */
final class MockCluster {

    private final KubernetesClient client;
    private final KubernetesServer server;
    private int statusWrites;

    MockCluster(KubernetesClient client, KubernetesServer server) {
        this.client = client;
        this.server = server;
    }

    void phase(String namespace, String pod, String phase) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(p -> {
            p.setStatus(new PodStatusBuilder().withPhase(phase).build());
            return p;
        });
    }

    void exit(String namespace, String pod, String container, int exitCode) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(p -> {
            p.setStatus(new PodStatusBuilder().withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                    .withContainerStatuses(List.of(new ContainerStatusBuilder().withName(container)
                            .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode)
                                    .endTerminated().build())
                            .build()))
                    .build());
            return p;
        });
    }

    /** Status writes for the named job seen by the server since the last call, added to a running total. */
    int statusWrites(String plural, String name) throws InterruptedException {
        RecordedRequest request;
        while ((request = server.getKubernetesMockServer().takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            String method = request.getMethod();
            if (request.getPath().contains("/" + plural + "/" + name + "/status")
                    && (method.equals("PATCH") || method.equals("PUT"))) {
                statusWrites++;
            }
        }
        return statusWrites;
    }
}

package dev.quarkflow.training.operator;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import dev.quarkflow.training.api.JobStatus;
import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.RunPolicy;
import dev.quarkflow.training.engine.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * Drives the mock API server like a kubelet would (pod phases, exit codes, restarts), waits for the operator to
 * reconcile past a change, and counts the status writes it sent.
 */
final class MockCluster {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final KubernetesServer server;
    private final ReconcileProbe probe;
    private int statusWrites;

    MockCluster(KubernetesClient client, KubernetesServer server, ReconcileProbe probe) {
        this.client = client;
        this.server = server;
        this.probe = probe;
    }

    /** A conformance job renamed into its own namespace (with the given run policy edits), created on the server. */
    <J extends KubeflowJob<?>> J create(String folder, String file, Class<J> type, String namespace, String name,
            UnaryOperator<J> edit) {
        J job = Fixtures.conformanceJob(folder, file, type);
        job.getMetadata().setNamespace(namespace);
        job.getMetadata().setName(name);
        job.getMetadata().setUid(null);
        if (job.getSpec().runPolicy() == null) {
            job.getSpec().runPolicy(new RunPolicy());
        }
        return client.resource(edit.apply(job)).create();
    }

    <J extends KubeflowJob<?>> J job(Class<J> type, String namespace, String name) {
        return client.resources(type).inNamespace(namespace).withName(name).get();
    }

    /** Conditions as {@code Type=Status}, in order. */
    List<String> conditions(Class<? extends KubeflowJob<?>> type, String namespace, String name) {
        JobStatus status = job(type, namespace, name).getStatus();
        return status == null || status.getConditions() == null ? List.of()
                : status.getConditions().stream().map(c -> c.getType() + "=" + c.getStatus()).toList();
    }

    List<String> podNames(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems().stream().map(p -> p.getMetadata().getName())
                .sorted().toList();
    }

    List<String> serviceNames(String namespace) {
        return client.services().inNamespace(namespace).list().getItems().stream().map(s -> s.getMetadata().getName())
                .sorted().toList();
    }

    Pod pod(String namespace, String name) {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    Service service(String namespace, String name) {
        return client.services().inNamespace(namespace).withName(name).get();
    }

    void phase(String namespace, String pod, String phase) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(p -> {
            p.setStatus(new PodStatusBuilder().withPhase(phase).build());
            return p;
        });
    }

    void running(String namespace, String... pods) {
        for (String pod : pods) {
            phase(namespace, pod, "Running");
        }
    }

    void exit(String namespace, String pod, String container, int exitCode) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(p -> {
            p.setStatus(new PodStatusBuilder().withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                    .withContainerStatuses(new ContainerStatusBuilder().withName(container)
                            .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode)
                                    .endTerminated().build())
                            .build())
                    .build());
            return p;
        });
    }

    /** The kubelet restarted the container in place (OnFailure/Always) this many times; the pod runs again. */
    void restarted(String namespace, String pod, String container, int restartCount) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(p -> {
            p.setStatus(new PodStatusBuilder().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                    .withName(container).withRestartCount(restartCount).withNewState().withNewRunning().endRunning()
                    .endState().build()).build());
            return p;
        });
    }

    /** A change the operator must see but that alters nothing it computes: a label on one of the job's pods. */
    void touch(String namespace, String pod, String value) {
        client.pods().inNamespace(namespace).withName(pod).edit(p -> {
            p.getMetadata().getLabels().put("touched", value);
            return p;
        });
    }

    /**
     * Makes a change, then waits until the job's controller has received the event it causes and a reconcile that
     * started after it has finished (no fixed pause).
     */
    void reconciledAfter(String namespace, String job, Runnable change) {
        long before = probe.lastEvent(namespace, job);
        change.run();
        await().atMost(WAIT).until(() -> probe.lastEvent(namespace, job) > before);
        long seen = probe.lastEvent(namespace, job);
        await().atMost(WAIT).until(() -> probe.reconciledThrough(namespace, job, seen));
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

    /** The controller owner reference every child must carry (the mock server has no garbage collector). */
    static boolean ownedBy(HasMetadata child, KubeflowJob<?> job) {
        return child.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> ref.getUid().equals(job.getMetadata().getUid()) && Boolean.TRUE.equals(ref.getController())
                        && Boolean.TRUE.equals(ref.getBlockOwnerDeletion()) && job.getKind().equals(ref.getKind())
                        && KubeflowJob.API_VERSION.equals(ref.getApiVersion()));
    }
}

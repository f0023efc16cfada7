package dev.quarkflow.training.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.training.api.KubeflowJob;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Conformance jobs read in place, and small helpers to plan and to look at what a plan holds. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {
    }

    public static List<Path> conformance(String kindFolder) {
        return SharedFixtures.conformanceFiles("crs/" + kindFolder, ".yaml");
    }

    public static <J extends KubeflowJob<?>> J load(Path file, Class<J> type) {
        try (InputStream in = Files.newInputStream(file)) {
            J job = Serialization.unmarshal(in, type);
            job.getMetadata().setNamespace("team-a");
            job.getMetadata().setUid("uid-" + job.getMetadata().getName());
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <J extends KubeflowJob<?>> J conformanceJob(String kindFolder, String file, Class<J> type) {
        return load(SharedFixtures.conformance("crs/" + kindFolder).resolve(file), type);
    }

    public static <J extends KubeflowJob<?>> Plan plan(FrameworkPlugin<J> plugin, J job) {
        return JobPlanner.plan(plugin, job, Observed.none(), EngineSettings.defaults(), NOW);
    }

    public static <J extends KubeflowJob<?>> Plan plan(FrameworkPlugin<J> plugin, J job, List<Pod> pods) {
        return JobPlanner.plan(plugin, job, new Observed(pods, List.of(), List.of()), EngineSettings.defaults(), NOW);
    }

    public static List<Pod> pods(List<HasMetadata> children) {
        return children.stream().filter(Pod.class::isInstance).map(Pod.class::cast).toList();
    }

    public static List<Service> services(List<HasMetadata> children) {
        return children.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
    }

    public static Pod pod(Plan plan, String name) {
        return pods(plan.creates()).stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no pod " + name + " in " + names(plan.creates())));
    }

    public static List<String> names(List<? extends HasMetadata> children) {
        return children.stream().map(c -> c.getKind() + "/" + c.getMetadata().getName()).toList();
    }

    /** Environment of the named container, in order. */
    public static Map<String, String> env(Pod pod, String container) {
        Container c = pod.getSpec().getContainers().stream().filter(x -> container.equals(x.getName())).findFirst()
                .orElseThrow();
        return c.getEnv() == null ? Map.of()
                : c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "" : e.getValue(),
                        (a, b) -> b, LinkedHashMap::new));
    }

    /** A created pod as the kubelet would report it. */
    public static Pod withPhase(Pod pod, String phase) {
        Pod copy = Serialization.clone(pod);
        copy.setStatus(new PodStatusBuilder().withPhase(phase).build());
        return copy;
    }

    public static Pod exited(Pod pod, String container, int exitCode) {
        Pod copy = withPhase(pod, exitCode == 0 ? Children.PHASE_SUCCEEDED : Children.PHASE_FAILED);
        copy.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName(container)
                .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode).endTerminated().build())
                .build()));
        return copy;
    }
}

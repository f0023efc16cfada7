package dev.quarkflow.training.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.quarkflow.training.api.KubeflowJob;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;

/** Metadata of the operator's children (labels, owner reference) and what it reads back from pods. */
public final class Children {

    public static final String PHASE_RUNNING = "Running";
    public static final String PHASE_PENDING = "Pending";
    public static final String PHASE_SUCCEEDED = "Succeeded";
    public static final String PHASE_FAILED = "Failed";

    private Children() {
    }

    public static OwnerReference ownerOf(KubeflowJob<?> job) {
        return new OwnerReferenceBuilder().withApiVersion(KubeflowJob.API_VERSION).withKind(job.getKind())
                .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build();
    }

    /** Labels that select a replica's pod: operator-name, job-name, replica-type, replica-index. */
    public static Map<String, String> replicaSelector(String controllerName, String jobName, String replicaType,
            Integer index) {
        Map<String, String> labels = new LinkedHashMap<>(jobSelector(controllerName, jobName));
        labels.put(Labels.REPLICA_TYPE, replicaType.toLowerCase(Locale.ROOT));
        if (index != null) {
            labels.put(Labels.REPLICA_INDEX, Integer.toString(index));
        }
        return labels;
    }

    public static Map<String, String> jobSelector(String controllerName, String jobName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.OPERATOR_NAME, controllerName);
        labels.put(Labels.JOB_NAME, jobName);
        return labels;
    }

    /** Metadata for a child named {@code name} in the job's namespace, owned by the job. */
    public static ObjectMeta childMeta(KubeflowJob<?> job, String name, Map<String, String> labels) {
        var meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(job.getMetadata().getNamespace());
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        meta.setLabels(all);
        meta.setOwnerReferences(List.of(ownerOf(job)));
        return meta;
    }

    public static boolean isControlledBy(HasMetadata child, KubeflowJob<?> job) {
        return child.getMetadata().getOwnerReferences() != null && child.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Boolean.TRUE.equals(ref.getController()) && job.getMetadata().getUid() != null
                        && job.getMetadata().getUid().equals(ref.getUid()));
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? PHASE_PENDING : pod.getStatus().getPhase();
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    public static Optional<Integer> replicaIndex(HasMetadata child) {
        Map<String, String> labels = child.getMetadata().getLabels();
        String value = labels == null ? null : labels.get(Labels.REPLICA_INDEX);
        try {
            return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String label(HasMetadata child, String key) {
        Map<String, String> labels = child.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    /** Exit code of the named container's terminated state, else upstream's sentinel. */
    public static int exitCode(Pod pod, String containerName) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return RestartPolicies.UNKNOWN_EXIT_CODE;
        }
        return pod.getStatus().getContainerStatuses().stream().filter(s -> containerName.equals(s.getName()))
                .map(ContainerStatus::getState).filter(s -> s != null && s.getTerminated() != null)
                .map(s -> s.getTerminated().getExitCode()).filter(code -> code != null).findFirst()
                .orElse(RestartPolicies.UNKNOWN_EXIT_CODE);
    }

    /** Restarts of init and regular containers. */
    public static int restartCount(Pod pod) {
        if (pod.getStatus() == null) {
            return 0;
        }
        int total = 0;
        for (var list : List.of(Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).orElse(List.of()),
                Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()))) {
            for (ContainerStatus status : list) {
                total += status.getRestartCount() == null ? 0 : status.getRestartCount();
            }
        }
        return total;
    }
}

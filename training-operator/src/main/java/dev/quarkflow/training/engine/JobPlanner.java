package dev.quarkflow.training.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.quarkflow.training.api.JobStatus;
import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.api.ReplicaStatus;
import dev.quarkflow.training.api.RunPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The generic job engine as a pure function: (job, observed children, settings, now) → {@link Plan}. Follows
 * upstream's ReconcileJobs: validate, default, finished → clean up and TTL, suspended → tear down, failure limits
 * (backoff, active deadline), gang PodGroup, pods and services per replica index with restart handling, then the
 * plugin's status rules.
 */
public final class JobPlanner<J extends KubeflowJob<?>> {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String CLEAN_ALL = "All";
    private static final String CLEAN_RUNNING = "Running";

    private final FrameworkPlugin<J> plugin;
    private final EngineSettings settings;

    private final List<HasMetadata> creates = new ArrayList<>();
    private final List<HasMetadata> updates = new ArrayList<>();
    private final Map<String, HasMetadata> deletes = new LinkedHashMap<>();
    private Optional<Duration> requeue = Optional.empty();
    private boolean deleteJob;

    private JobPlanner(FrameworkPlugin<J> plugin, EngineSettings settings) {
        this.plugin = plugin;
        this.settings = settings;
    }

    public static <J extends KubeflowJob<?>> Plan plan(FrameworkPlugin<J> plugin, J job, Observed observed,
            EngineSettings settings, Instant now) {
        return new JobPlanner<>(plugin, settings).run(job, observed, now.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private Plan run(J raw, Observed observed, Instant now) {
        JobStatus status = raw.getStatus() == null ? new JobStatus() : SERIALIZATION.clone(raw.getStatus());
        var editor = new StatusEditor(status, plugin.kind(), format(now));
        String name = raw.getMetadata().getName();
        RunPolicy rawPolicy = raw.getSpec() == null ? null : raw.getSpec().runPolicy();
        if (rawPolicy != null && rawPolicy.getManagedBy() != null && !rawPolicy.getManagedBy().isEmpty()
                && !Labels.MANAGED_BY_TRAINING_OPERATOR.equals(rawPolicy.getManagedBy())) {
            return Plan.skip(raw.getStatus());
        }
        List<FieldError> errors = JobValidator.validate(plugin, raw);
        if (!errors.isEmpty()) {
            editor.failed(Conditions.REASON_FAILED_VALIDATION, plugin.kind() + " " + name + " is invalid: "
                    + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
            return finish(status);
        }
        J job = SERIALIZATION.clone(raw);
        JobDefaults.apply(plugin, job);
        if (JobConditions.find(status, Conditions.CREATED).isEmpty()) {
            editor.set(Conditions.CREATED, Conditions.TRUE, Conditions.REASON_CREATED,
                    plugin.kind() + " " + name + " is created.");
        }
        var view = new JobView<>(job, observed.pods(), status, settings);
        RunPolicy policy = view.runPolicy();

        if (JobConditions.isFinished(status)) {
            cleanUpFinished(view, observed, editor, now);
            return finish(status);
        }
        if (Boolean.TRUE.equals(policy.getSuspend())) {
            suspend(view, observed, editor);
            return finish(status);
        }
        if (editor.isTrue(Conditions.SUSPENDED)) {
            editor.set(Conditions.SUSPENDED, Conditions.FALSE, Conditions.REASON_RESUMED,
                    plugin.kind() + " " + name + " is resumed.");
            status.setStartTime(editor.now());
        }
        Optional<String> limit = exceededLimit(view, observed.pods(), now);
        if (limit.isPresent()) {
            editor.failed(limit.get());
            cleanUpFinished(view, observed, editor, now);
            return finish(status);
        }
        var model = new JobModel<>(plugin, view);
        if (settings.gangScheduling()) {
            creates.add(model.podGroup());
        }
        reconcileReplicas(view, model, observed, editor);
        reconcileExtras(view, observed);
        if (status.getStartTime() == null) {
            status.setStartTime(editor.now());
        }
        plugin.updateStatus(view, editor);
        if (JobConditions.isFinished(status)) {
            cleanUpFinished(view, observed, editor, now);
        } else if (policy.getActiveDeadlineSeconds() != null) {
            Instant deadline = Instant.parse(status.getStartTime()).plusSeconds(policy.getActiveDeadlineSeconds());
            requeueAt(deadline, now);
        }
        return finish(status);
    }

    private Plan finish(JobStatus status) {
        return new Plan(status, creates, updates, List.copyOf(deletes.values()), deleteJob, requeue);
    }

    private void reconcileReplicas(JobView<J> view, JobModel<J> model, Observed observed, StatusEditor editor) {
        JobStatus status = view.status();
        Map<String, ReplicaStatus> statuses = new TreeMap<>();
        for (var entry : new TreeMap<>(view.specs()).entrySet()) {
            String type = entry.getKey();
            ReplicaSpec spec = entry.getValue();
            int replicas = spec.getReplicas();
            var counts = new ReplicaStatus();
            if (plugin.fillsSelector()) {
                counts.setSelector(selectorString(view.name(), type));
            }
            statuses.put(type, counts);
            List<Pod> pods = ofType(observed.pods(), type);
            List<String> names = new ArrayList<>();
            for (int index = 0; index < replicas; index++) {
                names.add(plugin.podName(view.name(), type, index));
            }
            for (int index = 0; index < replicas; index++) {
                if (!hasName(pods, names.get(index))) {
                    creates.add(model.pod(type, index));
                }
            }
            for (Pod pod : pods) {
                if (!names.contains(pod.getMetadata().getName())) {
                    delete(pod);
                }
                if (Children.PHASE_FAILED.equals(Children.phase(pod))) {
                    handleFailedPod(view, editor, type, spec.getRestartPolicy(), pod);
                }
                count(counts, pod);
            }
            if (plugin.createsServices()) {
                List<Service> services = ofType(observed.services(), type);
                for (int index = 0; index < replicas; index++) {
                    if (!hasName(services, names.get(index))) {
                        creates.add(model.service(type, index));
                    }
                }
                services.stream().filter(s -> !names.contains(s.getMetadata().getName())).forEach(this::delete);
            }
        }
        status.setReplicaStatuses(statuses);
    }

    private static boolean hasName(List<? extends HasMetadata> children, String name) {
        return children.stream().anyMatch(c -> name.equals(c.getMetadata().getName()));
    }

    private void handleFailedPod(JobView<J> view, StatusEditor editor, String type, String restartPolicy, Pod pod) {
        int exitCode = Children.exitCode(pod, plugin.defaultContainerName());
        if (RestartPolicies.restartsFailedPod(restartPolicy, exitCode)) {
            delete(pod);
            editor.restarting("job " + view.name() + " is restarting because " + type + " replica(s) failed.");
        } else if (RestartPolicies.EXIT_CODE.equals(restartPolicy)) {
            editor.failed("job \"" + view.name() + "\" is failing because \"" + type + "\" replica(s) failed.");
        }
    }

    private static void count(ReplicaStatus counts, Pod pod) {
        switch (Children.phase(pod)) {
            case Children.PHASE_RUNNING -> {
                if (Children.isTerminating(pod)) {
                    counts.setFailed(counts.getFailed() + 1);
                } else {
                    counts.setActive(counts.getActive() + 1);
                }
            }
            case Children.PHASE_SUCCEEDED -> counts.setSucceeded(counts.getSucceeded() + 1);
            case Children.PHASE_FAILED -> counts.setFailed(counts.getFailed() + 1);
            default -> {
            }
        }
    }

    private void reconcileExtras(JobView<J> view, Observed observed) {
        for (HasMetadata desired : plugin.extraChildren(view)) {
            Optional<HasMetadata> current = observed.extras().stream()
                    .filter(o -> o.getKind().equals(desired.getKind())
                            && o.getMetadata().getName().equals(desired.getMetadata().getName()))
                    .findFirst();
            if (current.isEmpty()) {
                creates.add(desired);
            } else if (!sameContent(current.get(), desired)) {
                desired.getMetadata().setResourceVersion(current.get().getMetadata().getResourceVersion());
                updates.add(desired);
            }
        }
    }

    /** Compares everything but metadata, so a child the server decorated is not rewritten each pass. */
    private static boolean sameContent(HasMetadata current, HasMetadata desired) {
        Map<String, Object> a = SERIALIZATION.convertValue(current, Map.class);
        Map<String, Object> b = SERIALIZATION.convertValue(desired, Map.class);
        a.remove("metadata");
        b.remove("metadata");
        a.remove("status");
        b.remove("status");
        return Objects.equals(a, b);
    }

    private void suspend(JobView<J> view, Observed observed, StatusEditor editor) {
        observed.pods().forEach(this::delete);
        observed.services().forEach(this::delete);
        deletePodGroup(view);
        if (view.status().getReplicaStatuses() != null) {
            view.status().getReplicaStatuses().values().forEach(r -> r.setActive(0));
        }
        String message = plugin.kind() + " " + view.name() + " is suspended.";
        if (editor.isTrue(Conditions.RUNNING)) {
            editor.set(Conditions.RUNNING, Conditions.FALSE, Conditions.REASON_SUSPENDED, message);
        }
        if (!editor.isTrue(Conditions.SUSPENDED)) {
            editor.set(Conditions.SUSPENDED, Conditions.TRUE, Conditions.REASON_SUSPENDED, message);
        }
    }

    private void cleanUpFinished(JobView<J> view, Observed observed, StatusEditor editor, Instant now) {
        String policy = view.runPolicy().getCleanPodPolicy();
        for (Pod pod : observed.pods()) {
            String phase = Children.phase(pod);
            boolean clean = CLEAN_ALL.equals(policy) || (CLEAN_RUNNING.equals(policy)
                    && (Children.PHASE_RUNNING.equals(phase) || Children.PHASE_PENDING.equals(phase)));
            if (clean) {
                delete(pod);
                observed.services().stream().filter(s -> s.getMetadata().getName().equals(pod.getMetadata().getName()))
                        .forEach(this::delete);
            }
        }
        if (CLEAN_ALL.equals(policy)) {
            observed.services().forEach(this::delete);
        }
        creates.removeIf(child -> true);
        deletePodGroup(view);
        if (editor.isTrue(Conditions.SUCCEEDED) && view.status().getReplicaStatuses() != null) {
            view.status().getReplicaStatuses().values().forEach(r -> {
                r.setSucceeded(r.getSucceeded() + r.getActive());
                r.setActive(0);
            });
        }
        Integer ttl = view.runPolicy().getTtlSecondsAfterFinished();
        String completion = view.status().getCompletionTime();
        if (ttl != null && completion != null) {
            Instant expiry = Instant.parse(completion).plusSeconds(ttl);
            if (!now.isBefore(expiry)) {
                deleteJob = true;
            } else {
                requeueAt(expiry, now);
            }
        }
    }

    private void deletePodGroup(JobView<J> view) {
        if (settings.gangScheduling()) {
            delete(new JobModel<>(plugin, view).podGroup());
        }
    }

    private Optional<String> exceededLimit(JobView<J> view, List<Pod> pods, Instant now) {
        RunPolicy policy = view.runPolicy();
        String name = view.name();
        if (policy.getBackoffLimit() != null) {
            int limit = policy.getBackoffLimit();
            long active = pods.stream().filter(p -> !Children.PHASE_SUCCEEDED.equals(Children.phase(p))
                    && !Children.PHASE_FAILED.equals(Children.phase(p)) && !Children.isTerminating(p)).count();
            long failed = pods.stream().filter(p -> Children.PHASE_FAILED.equals(Children.phase(p))).count();
            int previouslyFailed = view.status().getReplicaStatuses() == null ? 0
                    : view.status().getReplicaStatuses().values().stream().mapToInt(ReplicaStatus::getFailed).sum();
            // upstream also adds the work queue's retry count; a fresh queue entry has 0 retries
            boolean newFailureOverLimit = failed > previouslyFailed && active != view.totalReplicas() && 1 > limit;
            if (newFailureOverLimit || pastBackoffLimit(view, pods, limit)) {
                return Optional.of("Job " + name + " has failed because it has reached the specified backoff limit");
            }
        }
        if (policy.getActiveDeadlineSeconds() != null && view.status().getStartTime() != null) {
            Instant start = Instant.parse(view.status().getStartTime());
            if (!now.isBefore(start.plusSeconds(policy.getActiveDeadlineSeconds()))) {
                return Optional.of("Job " + name + " has failed because it was active longer than specified deadline");
            }
        }
        return Optional.empty();
    }

    /** Container restarts of Running pods whose replica policy restarts them, against the limit. */
    private boolean pastBackoffLimit(JobView<J> view, List<Pod> pods, int limit) {
        int restarts = 0;
        for (var entry : view.specs().entrySet()) {
            if (RestartPolicies.NEVER.equals(entry.getValue().getRestartPolicy())) {
                continue;
            }
            restarts += ofType(pods, entry.getKey()).stream()
                    .filter(p -> Children.PHASE_RUNNING.equals(Children.phase(p))).mapToInt(Children::restartCount).sum();
        }
        return limit == 0 ? restarts > 0 : restarts >= limit;
    }

    private void requeueAt(Instant when, Instant now) {
        Duration delay = Duration.between(now, when);
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        Duration chosen = delay;
        requeue = Optional.of(requeue.filter(existing -> existing.compareTo(chosen) < 0).orElse(chosen));
    }

    private void delete(HasMetadata child) {
        deletes.putIfAbsent(child.getKind() + "/" + child.getMetadata().getName(), child);
    }

    private <T extends HasMetadata> List<T> ofType(List<T> children, String type) {
        String label = type.toLowerCase(Locale.ROOT);
        return children.stream().filter(c -> label.equals(Children.label(c, Labels.REPLICA_TYPE))).toList();
    }

    private String selectorString(String jobName, String type) {
        Map<String, String> labels = new TreeMap<>(Children.replicaSelector(plugin.controllerName(), jobName, type, null));
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

}

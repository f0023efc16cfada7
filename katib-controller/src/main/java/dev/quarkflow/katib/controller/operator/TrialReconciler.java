package dev.quarkflow.katib.controller.operator;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.dbmanager.ObservationLogStore;
import dev.quarkflow.katib.controller.engine.EarlyStoppingRules;
import dev.quarkflow.katib.controller.engine.JobStatus;
import dev.quarkflow.katib.controller.engine.Json;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.engine.TrialStates;
import dev.quarkflow.katib.controller.engine.WorkloadSuspension;
import dev.quarkflow.katib.controller.metrics.CollectorConfig;
import dev.quarkflow.katib.controller.metrics.CollectorInjection;
import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.metrics.ObservationCalculator;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Trial → its workload (any kind, as an unstructured object from {@code spec.runSpec}), its state from the trial's
 * success/failure expressions, its observation from the DBManager store once the workload succeeded. A completed
 * trial's workload is deleted unless {@code retainRun}, early-stopped ones included; a retained early-stopped one is
 * suspended where its kind allows it ({@link WorkloadSuspension}). Deleting a trial deletes its
 * observation logs (upstream's {@code clean-metrics-in-db} finalizer).
 */
@ControllerConfiguration(name = "trial")
public class TrialReconciler implements Reconciler<TrialResource>, Cleaner<TrialResource> {

    private static final Logger LOG = Logger.getLogger(TrialReconciler.class);
    /** Reason of a trial whose workload could not get its metrics collector (upstream's webhook refuses the pod). */
    static final String INJECTION_FAILED = "MetricsCollectorInjectionFailed";

    private final KubernetesClient client;
    private final ObservationLogStore logs;
    private final KatibControllerConfig config;
    private final Clock clock = Clock.systemUTC();

    public TrialReconciler(KubernetesClient client, ObservationLogStore logs, KatibControllerConfig config) {
        this.client = client;
        this.logs = logs;
        this.config = config;
    }

    @Override
    public UpdateControl<TrialResource> reconcile(TrialResource resource, Context<TrialResource> context) {
        Trial trial = Resources.convert(resource, Trial.class);
        if (TrialStates.isCompleted(trial)) {
            if (!retainRun(trial) && trial.spec.runSpec != null) {
                // upstream deletes a completed trial's job (foreground) unless retainRun, on the pass after the
                // completion was stored, so a lost status write can never recreate the job
                workload(trial).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
            }
            return UpdateControl.noUpdate();
        }
        Trial.Status before = Resources.convert(trial.status, Trial.Status.class);
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        if (!TrialStates.isCreated(trial)) {
            TrialStates.markCreated(trial, now);
        }
        Resource<GenericKubernetesResource> workload = workload(trial);
        GenericKubernetesResource deployed = workload.get();
        if (deployed == null) {
            ObjectNode runSpec;
            try {
                runSpec = CollectorInjection.inject(trial, trial.spec.runSpec, collectorSettings(trial));
            } catch (CollectorInjection.InjectionException | CollectorConfig.ConfigException e) {
                TrialStates.apply(trial, new JobStatus(JobStatus.Condition.FAILED, INJECTION_FAILED, e.getMessage()),
                        now);
                return write(resource, trial, before);
            }
            GenericKubernetesResource desired = Json.MAPPER.convertValue(runSpec, GenericKubernetesResource.class);
            desired.getMetadata().setOwnerReferences(Resources.controlledBy(resource));
            if (desired.getMetadata().getLabels() == null) {
                desired.getMetadata().setLabels(new java.util.LinkedHashMap<>());
            }
            desired.getMetadata().getLabels().put(KatibNames.LABEL_TRIAL, trial.name());
            workloads(trial).resource(desired).create();
            TrialStates.apply(trial, JobStatus.running(), now);
        } else {
            JsonNode state = Json.MAPPER.valueToTree(deployed);
            JobStatus job = JobStatus.of(state, trial.spec.successCondition, trial.spec.failureCondition)
                    .orElse(JobStatus.running());
            if (job.condition() == JobStatus.Condition.RUNNING && stopEarly(trial, now)) {
                if (retainRun(trial)) {
                    suspend(trial, workload);
                }
                return write(resource, trial, before);
            }
            if (job.condition() == JobStatus.Condition.SUCCEEDED) {
                List<MetricLog> reported = logs.get(trial.name(), null, null, null);
                if (reported.isEmpty() && !isPush(trial)) {
                    // upstream requeues until the collector has reported
                    return write(resource, trial, before);
                }
                trial.status.observation = ObservationCalculator.observe(reported,
                        trial.spec.objective.metricStrategies);
            }
            TrialStates.apply(trial, job, now);
        }
        return write(resource, trial, before);
    }

    /**
     * Applies the trial's early-stopping rules to its observation logs so far, as upstream's metrics collector does
     * while training runs; when every rule is met the trial becomes EarlyStopped with its observation (upstream's
     * collector kills the training process and the early-stopping service sets the condition).
     */
    private boolean stopEarly(Trial trial, String now) {
        if (trial.spec.earlyStoppingRules == null || trial.spec.earlyStoppingRules.isEmpty()) {
            return false;
        }
        List<MetricLog> reported = logs.get(trial.name(), null, null, null);
        if (!EarlyStoppingRules.shouldStop(trial.spec.earlyStoppingRules, trial.spec.objective, reported)) {
            return false;
        }
        trial.status.observation = ObservationCalculator.observe(reported, trial.spec.objective.metricStrategies);
        TrialStates.markEarlyStopped(trial, now);
        LOG.infof("trial early stopped trial=%s/%s", trial.metadata.namespace, trial.name());
        return true;
    }

    /** Stops a retained early-stopped workload's training where its kind can be suspended; the object is kept. */
    private void suspend(Trial trial, Resource<GenericKubernetesResource> workload) {
        String apiVersion = trial.spec.runSpec.path("apiVersion").asText();
        String kind = trial.spec.runSpec.path("kind").asText();
        WorkloadSuspension.suspendField(apiVersion, kind).ifPresentOrElse(path -> workload.edit(object -> {
            ObjectNode tree = Json.MAPPER.valueToTree(object);
            ObjectNode parent = tree;
            for (String name : path.subList(0, path.size() - 1)) {
                parent = parent.withObject("/" + name);
            }
            parent.put(path.get(path.size() - 1), true);
            return Json.MAPPER.convertValue(tree, GenericKubernetesResource.class);
        }), () -> LOG.infof("early-stopped trial %s/%s keeps its %s running: retainRun, and %s has no suspend field",
                trial.metadata.namespace, trial.name(), kind, kind));
    }

    /**
     * katib-config's metrics collectors (upstream's stock ones without the ConfigMap), the DBManager address and the
     * suggestion volume when the trial's Suggestion (named after its experiment) asks for one.
     */
    private CollectorInjection.Settings collectorSettings(Trial trial) throws CollectorConfig.ConfigException {
        ConfigMap katibConfig = client.configMaps().inNamespace(config.katibConfigNamespace())
                .withName(CollectorConfig.CONFIG_MAP).get();
        String yaml = katibConfig == null || katibConfig.getData() == null ? null
                : katibConfig.getData().get(CollectorConfig.CONFIG_KEY);
        CollectorConfig collectors = yaml == null ? CollectorConfig.upstreamDefault() : CollectorConfig.parse(yaml);
        return new CollectorInjection.Settings(collectors, config.dbManagerAddress(), null, suggestionVolume(trial));
    }

    private CollectorInjection.SuggestionVolume suggestionVolume(Trial trial) {
        String experiment = trial.metadata.labels == null ? null : trial.metadata.labels.get(KatibNames.LABEL_EXPERIMENT);
        SuggestionResource resource = experiment == null ? null
                : client.resources(SuggestionResource.class).inNamespace(trial.metadata.namespace).withName(experiment)
                        .get();
        if (resource == null || resource.getSpec() == null || resource.getSpec().algorithm == null) {
            return null;
        }
        Suggestion suggestion = Resources.convert(resource, Suggestion.class);
        return CollectorInjection.SuggestionVolume.of(SuggestionComposer.name(suggestion), suggestion.spec.algorithm);
    }

    private static boolean isPush(Trial trial) {
        return trial.spec.metricsCollector != null
                && MetricsCollectorSpec.PUSH.equals(trial.spec.metricsCollector.kind());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> workloads(
            Trial trial) {
        String apiVersion = trial.spec.runSpec.path("apiVersion").asText();
        String kind = trial.spec.runSpec.path("kind").asText();
        return client.genericKubernetesResources(Resources.workloadContext(apiVersion, kind))
                .inNamespace(trial.metadata.namespace);
    }

    private Resource<GenericKubernetesResource> workload(Trial trial) {
        return workloads(trial).withName(trial.name());
    }

    private UpdateControl<TrialResource> write(TrialResource resource, Trial trial, Trial.Status before) {
        UpdateControl<TrialResource> control;
        if (Resources.sameJson(before, trial.status)) {
            control = UpdateControl.noUpdate();
        } else {
            resource.setStatus(trial.status);
            control = UpdateControl.patchStatus(resource);
        }
        // a completed trial comes back once more to delete its workload (unless retainRun)
        return TrialStates.isCompleted(trial) && retainRun(trial) ? control
                : control.rescheduleAfter(config.resyncInterval());
    }

    private static boolean retainRun(Trial trial) {
        return Boolean.TRUE.equals(trial.spec.retainRun);
    }

    @Override
    public DeleteControl cleanup(TrialResource resource, Context<TrialResource> context) {
        Trial trial = Resources.convert(resource, Trial.class);
        long deleted = logs.delete(trial.name());
        if (trial.spec.runSpec != null) {
            workload(trial).delete();
        }
        LOG.debugf("trial deleted trial=%s observationLogs=%d", trial.name(), deleted);
        return DeleteControl.defaultDelete();
    }
}

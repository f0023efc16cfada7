package dev.quarkflow.katib.controller.operator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.quarkflow.katib.controller.engine.ExperimentDefaults;
import dev.quarkflow.katib.controller.engine.ExperimentStatusCalculator;
import dev.quarkflow.katib.controller.engine.ExperimentValidator;
import dev.quarkflow.katib.controller.engine.FieldError;
import dev.quarkflow.katib.controller.engine.KatibCatalog;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.engine.SuggestionStates;
import dev.quarkflow.katib.controller.engine.TemplateSource;
import dev.quarkflow.katib.controller.engine.TrialFactory;
import dev.quarkflow.katib.controller.engine.TrialPlanner;
import dev.quarkflow.katib.controller.engine.TrialStates;
import dev.quarkflow.katib.controller.engine.TrialTemplates;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.katib.controller.suggestion.GrpcEarlyStoppingService;
import dev.quarkflow.katib.controller.suggestion.GrpcSuggestionService;
import dev.quarkflow.katib.controller.suggestion.SettingsValidation;
import dev.quarkflow.katib.controller.suggestion.SuggestionSync;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.grpc.StatusRuntimeException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Experiment → Suggestion → Trials, with the engine doing the thinking: defaults and webhook rules in memory (an invalid
 * experiment gets a Failed condition, nothing is created), status from the trials, the parallel arithmetic, assignments
 * kept in the Suggestion's status before the Trials are created. Completed experiments are left alone unless they are
 * restartable and their maxTrialCount was raised.
 */
@ControllerConfiguration(name = "experiment")
public class ExperimentReconciler implements Reconciler<ExperimentResource>, Cleaner<ExperimentResource> {

    private static final Logger LOG = Logger.getLogger(ExperimentReconciler.class);

    private final KubernetesClient client;
    private final KatibControllerConfig config;
    private final SuggestionSync sync = new SuggestionSync(new SecureRandom());
    private final Clock clock = Clock.systemUTC();
    private final TemplateSource templates;
    private final ExperimentValidator validator;

    public ExperimentReconciler(KubernetesClient client, KatibControllerConfig config) {
        this.client = client;
        this.config = config;
        this.templates = this::configMapTemplate;
        this.validator = new ExperimentValidator(KatibCatalog.upstreamDefault(), templates);
    }

    @Override
    public UpdateControl<ExperimentResource> reconcile(ExperimentResource resource,
            Context<ExperimentResource> context) {
        Experiment experiment = ExperimentDefaults.apply(Resources.convert(resource, Experiment.class));
        ExperimentStatus before = Resources.convert(experiment.status(), ExperimentStatus.class);
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        List<FieldError> errors = validator.validate(experiment);
        if (!errors.isEmpty()) {
            if (!ExperimentStatusCalculator.isFailed(experiment)) {
                ExperimentStatusCalculator.markCreated(experiment, now);
                ExperimentStatusCalculator.markFailed(experiment, "Experiment is invalid: "
                        + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")), now);
            }
            return write(resource, experiment, before, false);
        }
        if (ExperimentStatusCalculator.shouldRestart(experiment)) {
            ExperimentStatusCalculator.markRestarting(experiment, now);
        }
        if (!ExperimentStatusCalculator.isCreated(experiment)) {
            ExperimentStatusCalculator.markCreated(experiment, now);
        }
        List<TrialResource> trialResources = client.resources(TrialResource.class)
                .inNamespace(resource.getMetadata().getNamespace())
                .withLabel(KatibNames.LABEL_EXPERIMENT, resource.getMetadata().getName()).list().getItems();
        List<Trial> trials = trialResources.stream().map(t -> Resources.convert(t, Trial.class)).toList();
        if (!trials.isEmpty()) {
            ExperimentStatusCalculator.update(experiment, trials, now);
        }
        if (!ExperimentStatusCalculator.isCompleted(experiment)) {
            reconcileTrials(resource, experiment, trials, now);
        }
        if (ExperimentStatusCalculator.isCompleted(experiment)) {
            completeSuggestion(experiment);
        }
        boolean again = !ExperimentStatusCalculator.isCompleted(experiment)
                || trials.stream().anyMatch(t -> !TrialStates.isCompleted(t));
        return write(resource, experiment, before, again);
    }

    private void reconcileTrials(ExperimentResource resource, Experiment experiment, List<Trial> trials, String now) {
        TrialPlanner.Plan plan = TrialPlanner.plan(experiment, trials);
        if (plan.trialsToDelete() > 0) {
            // upstream deletes the newest active trials when parallelTrialCount was lowered
            trials.stream().filter(t -> !TrialStates.isCompleted(t)).sorted((a, b) -> String
                    .valueOf(b.metadata.creationTimestamp).compareTo(String.valueOf(a.metadata.creationTimestamp)))
                    .limit(plan.trialsToDelete()).forEach(t -> client.resources(TrialResource.class)
                            .inNamespace(experiment.namespace()).withName(t.name()).delete());
            return;
        }
        SuggestionResource suggestionResource = suggestion(resource, experiment, plan.suggestionRequests());
        Suggestion suggestion = Resources.convert(suggestionResource, Suggestion.class);
        Suggestion.Status suggestionBefore = Resources.convert(suggestion.status, Suggestion.Status.class);
        try {
            if (!syncSuggestion(experiment, suggestionResource, suggestion, trials, now)) {
                return;
            }
        } finally {
            if (!Resources.sameJson(suggestionBefore, suggestion.status)) {
                writeStatus(suggestionResource, suggestion);
            }
        }
        for (Suggestion.TrialAssignment assignment : TrialPlanner.withoutTrial(suggestion, trials)) {
            createTrial(resource, experiment, assignment);
        }
    }

    /**
     * Validates the settings once, makes sure the algorithm's service is there (per-algorithm Deployment from
     * katib-config, else the configured address) and fills the Suggestion to its requests.
     *
     * @return whether the Suggestion's assignments may be turned into trials now
     */
    private boolean syncSuggestion(Experiment experiment, SuggestionResource suggestionResource,
            Suggestion suggestion, List<Trial> trials, String now) {
        if (SuggestionStates.isSucceeded(suggestion)) {
            // a completed experiment was restarted (maxTrialCount raised)
            SuggestionStates.markRestarting(suggestion, now);
        }
        Optional<SuggestionEndpoints> endpoints = endpoints(experiment, suggestionResource, suggestion, now);
        if (endpoints.isEmpty()) {
            return false;
        }
        String suggestionAddress = endpoints.get().suggestion();
        try (GrpcSuggestionService service = new GrpcSuggestionService(suggestionAddress,
                config.suggestionDeadline());
                GrpcEarlyStoppingService earlyStopping = experiment.spec.earlyStopping == null ? null
                        : new GrpcEarlyStoppingService(endpoints.get().earlyStopping(), config.suggestionDeadline())) {
            if (!SuggestionStates.isRunning(suggestion)) {
                SettingsValidation.Outcome outcome = SettingsValidation.validate(experiment, service, earlyStopping);
                if (outcome.result() == SettingsValidation.Result.RETRY) {
                    LOG.warnf("validation failed experiment=%s/%s: %s; retrying", experiment.namespace(),
                            experiment.name(), outcome.message());
                    return false;
                }
                if (outcome.result() == SettingsValidation.Result.INVALID) {
                    SuggestionStates.markFailed(suggestion, "Validation failed: " + outcome.message(), now);
                    ExperimentStatusCalculator.markFailed(experiment, "Suggestion has failed: " + outcome.message(),
                            now);
                    return false;
                }
                SuggestionStates.markRunning(suggestion, now);
            }
            if (TrialPlanner.toRequest(suggestion) > 0) {
                sync.sync(experiment, suggestion, trials, service, earlyStopping == null ? null
                        : new SuggestionSync.EarlyStopping(earlyStopping, config.dbManagerAddress()));
            }
            return true;
        } catch (StatusRuntimeException | SuggestionSync.UnexpectedReplyException e) {
            LOG.warnf("GetSuggestions failed experiment=%s/%s address=%s: %s; retrying", experiment.namespace(),
                    experiment.name(), suggestionAddress, e.getMessage());
            return false;
        }
    }

    /** Where this experiment's algorithm and early-stopping services answer. */
    record SuggestionEndpoints(String suggestion, String earlyStopping) {
    }

    /**
     * With a katib-config ConfigMap: the experiment's own Deployment and Service (and PVC/PV for FromVolume), created
     * if absent, and their Service address once the Deployment is available. Without one: the configured addresses.
     */
    private Optional<SuggestionEndpoints> endpoints(Experiment experiment, SuggestionResource suggestionResource,
            Suggestion suggestion, String now) {
        Optional<KatibConfig> katibConfig = katibConfig();
        if (katibConfig.isEmpty()) {
            return Optional.of(new SuggestionEndpoints(config.suggestionAddress(), config.earlyStoppingAddress()));
        }
        List<OwnerReference> owner = Resources.controlledBy(suggestionResource);
        Deployment deployment;
        try {
            KatibConfig.SuggestionConfig suggestionConfig = katibConfig.get()
                    .suggestion(experiment.spec.algorithm.algorithmName);
            KatibConfig.EarlyStoppingConfig earlyStopping = experiment.spec.earlyStopping == null ? null
                    : katibConfig.get().earlyStopping(experiment.spec.earlyStopping.algorithmName);
            if (KatibNames.RESUME_FROM_VOLUME.equals(suggestion.spec.resumePolicy)) {
                PersistentVolume volume = SuggestionComposer.persistentVolume(suggestion, suggestionConfig);
                if (volume != null) {
                    createIfAbsent(volume);
                }
                createIfAbsent(SuggestionComposer.persistentVolumeClaim(suggestion, suggestionConfig, owner));
            }
            deployment = createIfAbsent(SuggestionComposer.deployment(suggestion, suggestionConfig, earlyStopping,
                    katibConfig.get().enableGrpcProbeInSuggestion(), owner));
            createIfAbsent(SuggestionComposer.service(suggestion, earlyStopping != null, owner));
        } catch (KatibConfig.KatibConfigException | SuggestionComposer.InvalidSuggestionConfigException e) {
            LOG.warnf("suggestion service not deployed experiment=%s/%s: %s; retrying", experiment.namespace(),
                    experiment.name(), e.getMessage());
            return Optional.empty();
        }
        boolean ready = deployment != null && deployment.getStatus() != null
                && deployment.getStatus().getAvailableReplicas() != null
                && deployment.getStatus().getAvailableReplicas() > 0;
        SuggestionStates.markDeploymentReady(suggestion, ready, now);
        return ready ? Optional.of(new SuggestionEndpoints(SuggestionComposer.suggestionAddress(suggestion),
                SuggestionComposer.earlyStoppingAddress(suggestion))) : Optional.empty();
    }

    private Optional<KatibConfig> katibConfig() {
        ConfigMap configMap = client.configMaps().inNamespace(config.katibConfigNamespace())
                .withName(KatibConfig.CONFIG_MAP_NAME).get();
        if (configMap == null || configMap.getData() == null
                || !configMap.getData().containsKey(KatibConfig.CONFIG_KEY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KatibConfig.parse(configMap.getData().get(KatibConfig.CONFIG_KEY)));
        } catch (KatibConfig.KatibConfigException e) {
            LOG.warnf("katib-config ignored namespace=%s: %s", config.katibConfigNamespace(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Create-if-absent keyed by name; a 409 means someone made it meanwhile, which is as good. */
    private <T extends HasMetadata> T createIfAbsent(T desired) {
        T existing = client.resource(desired).get();
        if (existing != null) {
            return existing;
        }
        try {
            return client.resource(desired).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return client.resource(desired).get();
            }
            throw e;
        }
    }

    /**
     * Upstream on completion: Never and FromVolume mark the Suggestion Succeeded and remove its Deployment and Service
     * (a FromVolume PVC stays for a restart); LongRunning keeps everything up.
     */
    private void completeSuggestion(Experiment experiment) {
        if (KatibNames.RESUME_LONG_RUNNING.equals(experiment.spec.resumePolicy)) {
            return;
        }
        SuggestionResource resource = client.resources(SuggestionResource.class).inNamespace(experiment.namespace())
                .withName(experiment.name()).get();
        if (resource == null || resource.getStatus() == null) {
            return;
        }
        Suggestion suggestion = Resources.convert(resource, Suggestion.class);
        if (SuggestionStates.isSucceeded(suggestion) || SuggestionStates.isFailed(suggestion)) {
            return;
        }
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        SuggestionStates.markSucceeded(suggestion, KatibNames.RESUME_NEVER.equals(experiment.spec.resumePolicy)
                ? "Suggestion is succeeded, can't be restarted"
                : "Suggestion is succeeded, suggestion volume is not deleted, can be restarted", now);
        writeStatus(resource, suggestion);
        String name = SuggestionComposer.name(suggestion);
        client.apps().deployments().inNamespace(experiment.namespace()).withName(name).delete();
        client.services().inNamespace(experiment.namespace()).withName(name).delete();
    }

    private void writeStatus(SuggestionResource resource, Suggestion suggestion) {
        resource.setStatus(suggestion.status);
        client.resource(resource).updateStatus();
    }

    private SuggestionResource suggestion(ExperimentResource resource, Experiment experiment, int requests) {
        var suggestions = client.resources(SuggestionResource.class).inNamespace(experiment.namespace());
        SuggestionResource existing = suggestions.withName(experiment.name()).get();
        if (existing == null) {
            SuggestionResource created = Resources.convert(Suggestion.forExperiment(experiment, requests),
                    SuggestionResource.class);
            created.setStatus(null);
            created.getMetadata().setOwnerReferences(Resources.controlledBy(resource));
            return suggestions.resource(created).create();
        }
        if (existing.getSpec().requests != requests) {
            existing.getSpec().requests = requests;
            existing = suggestions.resource(existing).update();
        }
        if (existing.getStatus() == null) {
            existing.setStatus(new Suggestion.Status());
        }
        return existing;
    }

    private void createTrial(ExperimentResource resource, Experiment experiment,
            Suggestion.TrialAssignment assignment) {
        try {
            Trial trial = TrialFactory.create(experiment, assignment, templates);
            TrialResource created = Resources.convert(trial, TrialResource.class);
            created.setStatus(null);
            created.getMetadata().setOwnerReferences(Resources.controlledBy(resource));
            client.resource(created).create();
        } catch (TrialTemplates.TemplateException e) {
            LOG.warnf("Trial %s not created: %s", assignment.name, e.getMessage());
        } catch (KubernetesClientException e) {
            // upstream skips a trial whose creation fails; it is retried on the next reconcile
            LOG.warnf("Trial %s not created: %s", assignment.name, e.getMessage());
        }
    }

    private UpdateControl<ExperimentResource> write(ExperimentResource resource, Experiment experiment,
            ExperimentStatus before, boolean again) {
        UpdateControl<ExperimentResource> control;
        if (Resources.sameJson(before, experiment.status())) {
            control = UpdateControl.noUpdate();
        } else {
            resource.setStatus(experiment.status());
            control = UpdateControl.patchStatus(resource);
        }
        return again ? control.rescheduleAfter(config.resyncInterval()) : control;
    }

    @Override
    public DeleteControl cleanup(ExperimentResource resource, Context<ExperimentResource> context) {
        String namespace = resource.getMetadata().getNamespace();
        // owner references let the garbage collector do this in a cluster; deleting here also covers clusters without it
        client.resources(TrialResource.class).inNamespace(namespace)
                .withLabel(KatibNames.LABEL_EXPERIMENT, resource.getMetadata().getName()).delete();
        client.resources(SuggestionResource.class).inNamespace(namespace).withName(resource.getMetadata().getName())
                .delete();
        return DeleteControl.defaultDelete();
    }

    private java.util.Optional<String> configMapTemplate(String namespace, String name, String path) {
        ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(name).get();
        return configMap == null || configMap.getData() == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(configMap.getData().get(path));
    }
}

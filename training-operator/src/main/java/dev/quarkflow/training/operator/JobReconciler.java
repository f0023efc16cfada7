package dev.quarkflow.training.operator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jboss.logging.Logger;

import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.engine.Children;
import dev.quarkflow.training.engine.EngineSettings;
import dev.quarkflow.training.engine.FrameworkPlugin;
import dev.quarkflow.training.engine.JobPlanner;
import dev.quarkflow.training.engine.Labels;
import dev.quarkflow.training.engine.Observed;
import dev.quarkflow.training.engine.Plan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * The thin edge of the job engine, one subclass per kind only to give JOSDK a concrete primary type: reads the
 * children from the informer caches, asks {@link JobPlanner} for a plan, applies it, and patches status only when it
 * changed.
 */
public abstract class JobReconciler<J extends KubeflowJob<?>> implements Reconciler<J> {

    private static final Logger LOG = Logger.getLogger(JobReconciler.class);
    private static final int CONFLICT = 409;

    private FrameworkPlugin<J> plugin;
    private KubernetesClient client;
    private EngineSettings settings;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected JobReconciler() {
    }

    protected JobReconciler(FrameworkPlugin<J> plugin, KubernetesClient client, TrainingOperatorConfig config,
            Clock clock) {
        this.plugin = plugin;
        this.client = client;
        this.settings = config.engineSettings();
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, J>> prepareEventSources(EventSourceContext<J> context) {
        List<EventSource<?, J>> sources = new ArrayList<>();
        sources.add(informer(context, Pod.class));
        if (plugin.createsServices()) {
            sources.add(informer(context, Service.class));
        }
        plugin.extraChildTypes().forEach(type -> sources.add(informer(context, type)));
        return sources;
    }

    private <R extends HasMetadata> InformerEventSource<R, J> informer(EventSourceContext<J> context, Class<R> type) {
        var config = InformerEventSourceConfiguration.from(type, plugin.jobType())
                .withLabelSelector(Labels.OPERATOR_NAME + "=" + plugin.controllerName()).build();
        return new InformerEventSource<>(config, context);
    }

    @Override
    public UpdateControl<J> reconcile(J job, Context<J> context) {
        var observed = new Observed(owned(job, context, Pod.class), owned(job, context, Service.class),
                plugin.extraChildTypes().stream().flatMap(type -> owned(job, context, type).stream())
                        .map(HasMetadata.class::cast).toList());
        Plan plan = JobPlanner.plan(plugin, job, observed, settings, clock.instant());
        plan.deletes().forEach(this::delete);
        plan.creates().forEach(this::create);
        plan.updates().forEach(child -> client.resource(child).update());
        if (plan.deleteJob()) {
            LOG.infof("Deleting finished job after ttlSecondsAfterFinished kind=%s namespace=%s name=%s", plugin.kind(),
                    job.getMetadata().getNamespace(), job.getMetadata().getName());
            client.resource(job).delete();
            return UpdateControl.noUpdate();
        }
        if (!Objects.equals(plan.status(), job.getStatus())) {
            writeStatus(job, plan, context);
        }
        UpdateControl<J> control = UpdateControl.noUpdate();
        plan.requeueAfter().ifPresent(delay -> control.rescheduleAfter(delay.toMillis() + 1));
        return control;
    }

    /**
     * Replaces the whole status (PUT on the status subresource, guarded by the resourceVersion just reconciled): a
     * diff-based patch computed against a stale copy could duplicate conditions, and a merge patch cannot drop the
     * zero counts upstream omits. The written job goes into JOSDK's cache at once, so the next reconcile never plans
     * from the copy before this write (else a job just marked Failed could get its cleaned-up pods recreated).
     */
    private void writeStatus(J job, Plan plan, Context<J> context) {
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(job, context, fresh -> {
            fresh.setStatus(plan.status());
            return fresh;
        });
    }

    private <R extends HasMetadata> List<R> owned(J job, Context<J> context, Class<R> type) {
        return context.getSecondaryResources(type).stream().filter(child -> Children.isControlledBy(child, job)).toList();
    }

    private void create(HasMetadata child) {
        try {
            client.resource(child).create();
            LOG.debugf("Created %s namespace=%s name=%s", child.getKind(), child.getMetadata().getNamespace(),
                    child.getMetadata().getName());
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT) {
                throw e;
            }
            // already there: the informer cache had not seen it yet; the next pass reads it
        }
    }

    private void delete(HasMetadata child) {
        client.resource(child).delete();
        LOG.debugf("Deleted %s namespace=%s name=%s", child.getKind(), child.getMetadata().getNamespace(),
                child.getMetadata().getName());
    }
}

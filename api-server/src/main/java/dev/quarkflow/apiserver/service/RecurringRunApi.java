package dev.quarkflow.apiserver.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.schedule.CronSchedules;
import dev.quarkflow.apiserver.schedule.RecurringSchedule;
import dev.quarkflow.apiserver.store.ExperimentEntity;
import dev.quarkflow.apiserver.store.ExperimentStore;
import dev.quarkflow.apiserver.store.RecurringRunEntity;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.CronSchedule;
import dev.quarkflow.proto.kfp.v2beta1.ListRecurringRunsResponse;
import dev.quarkflow.proto.kfp.v2beta1.PeriodicSchedule;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRun;
import dev.quarkflow.proto.kfp.v2beta1.Trigger;

/** RecurringRunService: create, get, list, enable, disable, delete, with upstream's validation rules. */
@ApplicationScoped
public class RecurringRunApi {

    static final int MAX_CONCURRENCY = 10;

    private final RunStore store;
    private final ExperimentApi experiments;
    private final ExperimentStore experimentStore;
    private final SourceResolver sources;
    private final Namespaces namespaces;
    private final ApiServerConfig config;
    private final Clock clock;

    RecurringRunApi(RunStore store, ExperimentApi experiments, ExperimentStore experimentStore,
            SourceResolver sources, Namespaces namespaces, ApiServerConfig config, Clock clock) {
        this.store = store;
        this.experiments = experiments;
        this.experimentStore = experimentStore;
        this.sources = sources;
        this.namespaces = namespaces;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public RecurringRun create(RecurringRun request) {
        if (request.getDisplayName().isEmpty()) {
            throw QuarkflowException.invalidArgument("recurring_run.display_name", "The recurring run name is empty");
        }
        if (request.getDisplayName().length() > RunApi.MAX_NAME) {
            throw QuarkflowException.invalidArgument("recurring_run.display_name", "must be at most "
                    + RunApi.MAX_NAME + " characters");
        }
        if (request.getMaxConcurrency() < 1 || request.getMaxConcurrency() > MAX_CONCURRENCY) {
            throw QuarkflowException.invalidArgument("recurring_run.max_concurrency", "Max concurrency of a"
                    + " recurring run must be at least 1 and at most " + MAX_CONCURRENCY);
        }
        RecurringRunEntity entity = new RecurringRunEntity();
        setTrigger(entity, request.getTrigger());
        ExperimentEntity experiment = experiments.forRun(request.getExperimentId(), "recurring_run.experiment_id");
        String namespace = namespaces.resolve(request.getNamespace(), "recurring_run.namespace");
        if (namespaces.multiUser() && !namespace.isEmpty() && !namespace.equals(experiment.namespace)) {
            throw QuarkflowException.invalidArgument("recurring_run.namespace", "Experiment " + experiment.id
                    + " belongs to namespace '" + experiment.namespace + "' instead of '" + namespace + "'");
        }
        namespaces.require(experiment.namespace, "recurring_run.experiment_id", Namespaces.RECURRING_RUN_EMPTY);
        entity.source = sources.resolve(new SourceResolver.Request(request.getPipelineVersionId(),
                request.hasPipelineSpec() ? Optional.of(request.getPipelineSpec()) : Optional.empty(),
                request.hasPipelineVersionReference() ? Optional.of(request.getPipelineVersionReference())
                        : Optional.empty(),
                request.getRuntimeConfig(), request.getServiceAccount()), "recurring_run");
        long now = clock.instant().getEpochSecond();
        entity.id = UUID.randomUUID().toString();
        entity.displayName = request.getDisplayName();
        entity.description = request.getDescription();
        entity.experimentId = experiment.id;
        entity.namespace = experiment.namespace;
        entity.maxConcurrency = request.getMaxConcurrency();
        entity.enabled = request.getMode() == RecurringRun.Mode.ENABLE;
        entity.noCatchup = request.getNoCatchup();
        entity.createdAt = now;
        entity.updatedAt = now;
        entity.pluginsInput = request.getPluginsInputCount() == 0 ? null
                : ProtoJson.print(RecurringRun.newBuilder().putAllPluginsInput(request.getPluginsInputMap()).build());
        store.persist(entity);
        return toApi(entity);
    }

    @Transactional
    public RecurringRun get(String id) {
        return toApi(recurring(id));
    }

    /** As runs: by experiment (which decides the namespace), or (multi-user mode) by namespace. */
    @Transactional
    public ListRecurringRunsResponse list(String namespace, String experimentId, ListParams params) {
        Optional<String> scope = experimentId.isEmpty()
                ? namespaces.listScope(namespace, "namespace", Namespaces.RECURRING_RUN_EMPTY)
                : Optional.empty();
        if (!experimentId.isEmpty()) {
            ExperimentEntity experiment = experiments.find(experimentId, "experiment_id");
            namespaces.require(experiment.namespace, "experiment_id", Namespaces.RECURRING_RUN_EMPTY);
        }
        Page<RecurringRunEntity> page = store.listRecurring(scope,
                experimentId.isEmpty() ? Optional.empty() : Optional.of(experimentId), params);
        return ListRecurringRunsResponse.newBuilder()
                .addAllRecurringRuns(page.items().stream().map(RecurringRunApi::toApi).toList())
                .setTotalSize(page.totalSize()).setNextPageToken(page.nextPageToken()).build();
    }

    @Transactional
    public void enable(String id) {
        setEnabled(id, true);
    }

    @Transactional
    public void disable(String id) {
        setEnabled(id, false);
    }

    /** Deletes the recurring run; the runs it created stay (as upstream's ORPHAN and default policies keep them). */
    @Transactional
    public void delete(String id) {
        store.delete(recurring(id));
    }

    /** The schedule of a stored recurring run. */
    public RecurringSchedule schedule(RecurringRunEntity entity) {
        return new RecurringSchedule(
                RecurringRunEntity.CRON.equals(entity.triggerKind)
                        ? Optional.of(CronSchedules.parse(entity.cron, config.recurringRuns().timeZone(),
                                "recurring_run.trigger.cron_schedule.cron"))
                        : Optional.empty(),
                Duration.ofSeconds(Math.max(1, entity.intervalSecond)), Instant.ofEpochSecond(entity.createdAt),
                Optional.ofNullable(entity.startTime).map(Instant::ofEpochSecond),
                Optional.ofNullable(entity.endTime).map(Instant::ofEpochSecond), entity.noCatchup);
    }

    private void setEnabled(String id, boolean enabled) {
        RecurringRunEntity entity = recurring(id);
        if (enabled && !entity.enabled) {
            experimentStore.find(entity.experimentId).filter(e -> ExperimentApi.ARCHIVED.equals(e.storageState))
                    .ifPresent(e -> {
                        throw QuarkflowException.failedPrecondition("recurring_run_id", "Failed to enable recurring"
                                + " run " + id + ": its experiment " + e.id + " is archived");
                    });
        }
        entity.enabled = enabled;
        entity.updatedAt = clock.instant().getEpochSecond();
    }

    private void setTrigger(RecurringRunEntity entity, Trigger trigger) {
        if (trigger.hasCronSchedule()) {
            CronSchedule cron = trigger.getCronSchedule();
            CronSchedules.parse(cron.getCron(), config.recurringRuns().timeZone(),
                    "recurring_run.trigger.cron_schedule.cron");
            entity.triggerKind = RecurringRunEntity.CRON;
            entity.cron = cron.getCron();
            entity.startTime = cron.hasStartTime() ? cron.getStartTime().getSeconds() : null;
            entity.endTime = cron.hasEndTime() ? cron.getEndTime().getSeconds() : null;
        } else if (trigger.hasPeriodicSchedule()) {
            PeriodicSchedule periodic = trigger.getPeriodicSchedule();
            if (periodic.getIntervalSecond() < 1) {
                throw QuarkflowException.invalidArgument("recurring_run.trigger.periodic_schedule.interval_second",
                        "Found invalid period schedule: interval must be at least 1 second");
            }
            entity.triggerKind = RecurringRunEntity.PERIODIC;
            entity.intervalSecond = periodic.getIntervalSecond();
            entity.startTime = periodic.hasStartTime() ? periodic.getStartTime().getSeconds() : null;
            entity.endTime = periodic.hasEndTime() ? periodic.getEndTime().getSeconds() : null;
        } else {
            throw QuarkflowException.invalidArgument("recurring_run.trigger", "a cron_schedule or a"
                    + " periodic_schedule is required");
        }
        if (entity.startTime != null && entity.endTime != null && entity.endTime < entity.startTime) {
            throw QuarkflowException.invalidArgument("recurring_run.trigger", "end_time is before start_time");
        }
    }

    /** A recurring run a request names by id; in multi-user mode one without a namespace cannot be used. */
    private RecurringRunEntity recurring(String id) {
        RecurringRunEntity entity = store.findRecurring(id).orElseThrow(() -> QuarkflowException.notFound(
                "recurring_run_id", "RecurringRun " + id + " not found"));
        namespaces.require(entity.namespace, "recurring_run_id", Namespaces.RECURRING_RUN_EMPTY);
        return entity;
    }

    static RecurringRun toApi(RecurringRunEntity entity) {
        RecurringRun.Builder run = RecurringRun.newBuilder()
                .setRecurringRunId(entity.id)
                .setDisplayName(entity.displayName)
                .setDescription(Protos.text(entity.description))
                .setServiceAccount(Protos.text(entity.source.serviceAccount))
                .setMaxConcurrency(entity.maxConcurrency)
                .setTrigger(trigger(entity))
                .setMode(entity.enabled ? RecurringRun.Mode.ENABLE : RecurringRun.Mode.DISABLE)
                .setCreatedAt(Protos.seconds(entity.createdAt))
                .setUpdatedAt(Protos.seconds(entity.updatedAt))
                .setStatus(entity.enabled ? RecurringRun.Status.ENABLED : RecurringRun.Status.DISABLED)
                .setNoCatchup(entity.noCatchup)
                .setNamespace(Protos.text(entity.namespace))
                .setExperimentId(entity.experimentId);
        SourceMapper.reference(entity.source).ifPresent(run::setPipelineVersionReference);
        SourceMapper.spec(entity.source).ifPresent(run::setPipelineSpec);
        SourceMapper.runtimeConfig(entity.source).ifPresent(run::setRuntimeConfig);
        if (entity.pluginsInput != null) {
            run.putAllPluginsInput(ProtoJson.parse(entity.pluginsInput, RecurringRun.newBuilder()).getPluginsInputMap());
        }
        return run.build();
    }

    private static Trigger trigger(RecurringRunEntity entity) {
        if (RecurringRunEntity.CRON.equals(entity.triggerKind)) {
            CronSchedule.Builder cron = CronSchedule.newBuilder().setCron(entity.cron);
            Optional.ofNullable(entity.startTime).map(Protos::seconds).ifPresent(cron::setStartTime);
            Optional.ofNullable(entity.endTime).map(Protos::seconds).ifPresent(cron::setEndTime);
            return Trigger.newBuilder().setCronSchedule(cron).build();
        }
        PeriodicSchedule.Builder periodic = PeriodicSchedule.newBuilder().setIntervalSecond(entity.intervalSecond);
        Optional.ofNullable(entity.startTime).map(Protos::seconds).ifPresent(periodic::setStartTime);
        Optional.ofNullable(entity.endTime).map(Protos::seconds).ifPresent(periodic::setEndTime);
        return Trigger.newBuilder().setPeriodicSchedule(periodic).build();
    }
}

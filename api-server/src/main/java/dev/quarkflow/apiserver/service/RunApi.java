package dev.quarkflow.apiserver.service;

import static dev.quarkflow.apiserver.service.Protos.seconds;
import static dev.quarkflow.apiserver.service.Protos.text;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.quarkflow.apiserver.backend.RunDispatcher;
import dev.quarkflow.apiserver.backend.RunSubmissions;
import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.store.ExperimentEntity;
import dev.quarkflow.apiserver.store.ExperimentStore;
import dev.quarkflow.apiserver.store.PipelineSource;
import dev.quarkflow.apiserver.store.RunEntity;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.apiserver.store.StateChange;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.ListRunsResponse;
import dev.quarkflow.proto.kfp.v2beta1.Run;
import dev.quarkflow.proto.kfp.v2beta1.RunDetails;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeStatus;

/**
 * RunService semantics shared by REST and gRPC. Runs are stored PENDING and handed to the run backend after
 * commit; terminate and retry follow upstream's state rules.
 */
@ApplicationScoped
public class RunApi {

    static final int MAX_NAME = 256;
    private static final Set<String> TERMINABLE = Set.of("PENDING", "RUNNING", "PAUSED", "RUNTIME_STATE_UNSPECIFIED");
    private static final Set<String> RETRYABLE = Set.of("SUCCEEDED", "FAILED", "SKIPPED", "CANCELED");

    private final RunStore store;
    private final ExperimentStore experiments;
    private final ExperimentApi experimentApi;
    private final SourceResolver sources;
    private final Namespaces namespaces;
    private final RunDispatcher dispatcher;
    private final Clock clock;

    RunApi(RunStore store, ExperimentStore experiments, ExperimentApi experimentApi, SourceResolver sources,
            Namespaces namespaces, RunDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.experiments = experiments;
        this.experimentApi = experimentApi;
        this.sources = sources;
        this.namespaces = namespaces;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** What a run is created from, by a client or by a recurring run. */
    public record NewRun(String id, String displayName, String description, String experimentId,
            PipelineSource source, long scheduledAt, String recurringRunId, String pluginsInput) {
    }

    @Transactional
    public Run create(Run request) {
        if (request.getPluginsOutputCount() > 0) {
            throw QuarkflowException.aborted("run.plugins_output", "plugins_output is set by the server only");
        }
        if (request.getDisplayName().isEmpty()) {
            throw QuarkflowException.invalidArgument("run.display_name", "The run name is empty");
        }
        if (request.getDisplayName().length() > MAX_NAME) {
            throw QuarkflowException.invalidArgument("run.display_name", "must be at most " + MAX_NAME
                    + " characters");
        }
        ExperimentEntity experiment = experimentApi.forRun(request.getExperimentId(), "run.experiment_id");
        namespaces.require(experiment.namespace, "run.experiment_id", Namespaces.RUN_EMPTY);
        PipelineSource source = sources.resolve(new SourceResolver.Request(request.getPipelineVersionId(),
                request.hasPipelineSpec() ? Optional.of(request.getPipelineSpec()) : Optional.empty(),
                request.hasPipelineVersionReference() ? Optional.of(request.getPipelineVersionReference())
                        : Optional.empty(),
                request.getRuntimeConfig(), request.getServiceAccount()), "run");
        String pluginsInput = request.getPluginsInputCount() == 0 ? null
                : ProtoJson.print(request.toBuilder()
                        .clear().putAllPluginsInput(request.getPluginsInputMap()).build());
        RunEntity run = insert(experiment, new NewRun(UUID.randomUUID().toString(), request.getDisplayName(),
                request.getDescription(), experiment.id, source, 0, null, pluginsInput));
        return toApi(run);
    }

    /** Stores a new PENDING run and queues it for the backend; used by create and by the recurring-run scheduler. */
    @Transactional
    public RunEntity insert(ExperimentEntity experiment, NewRun request) {
        long now = clock.instant().getEpochSecond();
        RunEntity run = new RunEntity();
        run.id = request.id();
        run.displayName = request.displayName();
        run.description = request.description();
        run.experimentId = experiment.id;
        run.namespace = experiment.namespace;
        run.storageState = ExperimentApi.AVAILABLE;
        run.source = request.source();
        run.createdAt = now;
        run.scheduledAt = request.scheduledAt() == 0 ? now : request.scheduledAt();
        run.finishedAt = 0;
        run.state = RuntimeState.PENDING.name();
        run.recurringRunId = request.recurringRunId();
        run.pluginsInput = request.pluginsInput();
        run.stateHistory.add(new StateChange(now, run.state, null));
        store.persist(run);
        experiment.lastRunCreatedAt = now;
        dispatcher.queue(RunSubmissions.from(run), false);
        return run;
    }

    @Transactional
    public Run get(String id) {
        return toApi(run(id));
    }

    /**
     * Runs of an experiment, or (multi-user mode) of a namespace; as upstream, a given experiment decides the
     * namespace and must exist.
     */
    @Transactional
    public ListRunsResponse list(String namespace, String experimentId, ListParams params) {
        Optional<String> scope = experimentId.isEmpty()
                ? namespaces.listScope(namespace, "namespace", Namespaces.RUN_EMPTY)
                : Optional.empty();
        if (!experimentId.isEmpty()) {
            ExperimentEntity experiment = experimentApi.find(experimentId, "experiment_id");
            namespaces.require(experiment.namespace, "experiment_id", Namespaces.RUN_EMPTY);
        }
        Page<RunEntity> page = store.list(scope,
                experimentId.isEmpty() ? Optional.empty() : Optional.of(experimentId), params);
        return ListRunsResponse.newBuilder()
                .addAllRuns(page.items().stream().map(RunApi::toApi).toList())
                .setTotalSize(page.totalSize())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    @Transactional
    public void archive(String id) {
        run(id).storageState = ExperimentApi.ARCHIVED;
    }

    @Transactional
    public void unarchive(String id) {
        RunEntity run = run(id);
        experiments.find(run.experimentId).filter(e -> ExperimentApi.ARCHIVED.equals(e.storageState))
                .ifPresent(e -> {
                    throw QuarkflowException.failedPrecondition("run_id", "Failed to unarchive run " + id
                            + ": its experiment " + e.id + " is archived");
                });
        run.storageState = ExperimentApi.AVAILABLE;
    }

    @Transactional
    public void delete(String id) {
        RunEntity run = run(id);
        if (TERMINABLE.contains(run.state) || RuntimeState.CANCELING.name().equals(run.state)) {
            dispatcher.cancel(id);
        }
        store.delete(run);
    }

    @Transactional
    public void terminate(String id) {
        RunEntity run = run(id);
        if (!TERMINABLE.contains(run.state)) {
            throw QuarkflowException.invalidArgument("run_id", "Failed to terminate a run " + id
                    + ". Row not found");
        }
        long now = clock.instant().getEpochSecond();
        run.state = RuntimeState.CANCELING.name();
        run.stateHistory.add(new StateChange(now, run.state, null));
        dispatcher.cancel(id);
    }

    @Transactional
    public void retry(String id) {
        RunEntity run = run(id);
        if (!RETRYABLE.contains(run.state)) {
            throw QuarkflowException.aborted("run_id", "Cannot claim run " + id
                    + " for retry: not in a terminal state");
        }
        if (RuntimeState.SUCCEEDED.name().equals(run.state) || RuntimeState.SKIPPED.name().equals(run.state)) {
            throw QuarkflowException.aborted("run_id", "Workflow must be Failed/Error to retry");
        }
        long now = clock.instant().getEpochSecond();
        run.state = RuntimeState.PENDING.name();
        run.finishedAt = 0;
        run.errorCode = 0;
        run.errorMessage = null;
        run.stateHistory.add(new StateChange(now, run.state, null));
        dispatcher.queue(RunSubmissions.from(run), true);
    }

    /** A run a request names by id; in multi-user mode one without a namespace cannot be used. */
    RunEntity run(String id) {
        RunEntity run = store.find(id).orElseThrow(() -> QuarkflowException.notFound("run_id", "Run " + id
                + " not found"));
        namespaces.require(run.namespace, "run_id", Namespaces.RUN_EMPTY);
        return run;
    }

    static Run toApi(RunEntity entity) {
        Run.Builder run = Run.newBuilder()
                .setExperimentId(entity.experimentId)
                .setRunId(entity.id)
                .setDisplayName(entity.displayName)
                .setStorageState(Run.StorageState.valueOf(entity.storageState))
                .setDescription(text(entity.description))
                .setServiceAccount(text(entity.source.serviceAccount))
                .setCreatedAt(seconds(entity.createdAt))
                .setScheduledAt(seconds(entity.scheduledAt))
                .setFinishedAt(seconds(entity.finishedAt))
                .setState(RuntimeState.valueOf(entity.state))
                .setRecurringRunId(text(entity.recurringRunId));
        SourceMapper.reference(entity.source).ifPresent(run::setPipelineVersionReference);
        SourceMapper.spec(entity.source).ifPresent(run::setPipelineSpec);
        SourceMapper.runtimeConfig(entity.source).ifPresent(run::setRuntimeConfig);
        if (entity.errorCode != 0 || entity.errorMessage != null) {
            run.setError(Protos.status(entity.errorCode, entity.errorMessage));
        }
        if (entity.runDetails != null) {
            run.setRunDetails(ProtoJson.parse(entity.runDetails, RunDetails.newBuilder()));
        }
        if (entity.pluginsInput != null) {
            run.putAllPluginsInput(ProtoJson.parse(entity.pluginsInput, Run.newBuilder()).getPluginsInputMap());
        }
        for (StateChange change : entity.stateHistory) {
            RuntimeStatus.Builder status = RuntimeStatus.newBuilder().setUpdateTime(seconds(change.updateTime))
                    .setState(RuntimeState.valueOf(change.state));
            if (change.errorMessage != null) {
                status.setError(Protos.status(0, change.errorMessage));
            }
            run.addStateHistory(status);
        }
        return run.build();
    }
}

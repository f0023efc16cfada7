package dev.quarkflow.apiserver.service;

import static dev.quarkflow.apiserver.service.Protos.seconds;
import static dev.quarkflow.apiserver.service.Protos.text;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.store.ExperimentEntity;
import dev.quarkflow.apiserver.store.ExperimentStore;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.Experiment;
import dev.quarkflow.proto.kfp.v2beta1.ListExperimentsResponse;
import io.quarkus.runtime.StartupEvent;

/** ExperimentService semantics shared by REST and gRPC, including upstream's Default experiment. */
@ApplicationScoped
public class ExperimentApi {

    static final String DEFAULT_NAME = "Default";
    static final String DEFAULT_DESCRIPTION = "All runs created without specifying an experiment will be grouped here.";
    static final int MAX_NAME = 128;
    static final String AVAILABLE = "AVAILABLE";
    static final String ARCHIVED = "ARCHIVED";

    private final ExperimentStore store;
    private final RunStore runs;
    private final Namespaces namespaces;
    private final Clock clock;

    ExperimentApi(ExperimentStore store, RunStore runs, Namespaces namespaces, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.namespaces = namespaces;
        this.clock = clock;
    }

    /** Upstream creates the Default experiment when the server starts in single-user mode. */
    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!namespaces.multiUser()) {
            defaultExperiment();
        }
    }

    @Transactional
    public Experiment create(Experiment request) {
        String namespace = namespaces.resolve(request.getNamespace(), "experiment.namespace");
        namespaces.require(namespace, "experiment.namespace", Namespaces.EXPERIMENT_EMPTY);
        return toApi(insert(request.getDisplayName(), request.getDescription(), namespace));
    }

    @Transactional
    public Experiment get(String id) {
        return toApi(experiment(id));
    }

    /** Multi-user mode: the experiments of one namespace, which must be given. Single-user mode: all. */
    @Transactional
    public ListExperimentsResponse list(String namespace, ListParams params) {
        Page<ExperimentEntity> page = store.list(namespaces.listScope(namespace, "namespace",
                Namespaces.EXPERIMENT_EMPTY), params);
        return ListExperimentsResponse.newBuilder()
                .addAllExperiments(page.items().stream().map(ExperimentApi::toApi).toList())
                .setTotalSize(page.totalSize())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    /** Archives the experiment and all its runs, and disables its recurring runs. */
    @Transactional
    public void archive(String id) {
        ExperimentEntity experiment = experiment(id);
        experiment.storageState = ARCHIVED;
        runs.archiveRunsOf(id);
        runs.disableRecurringOf(id, clock.instant().getEpochSecond());
    }

    /** Restores only the experiment; its runs and recurring runs stay as they are. */
    @Transactional
    public void unarchive(String id) {
        experiment(id).storageState = AVAILABLE;
    }

    @Transactional
    public void delete(String id) {
        ExperimentEntity experiment = experiment(id);
        if (store.defaultExperimentId().filter(id::equals).isPresent()) {
            throw QuarkflowException.aborted("experiment_id", "Failed to delete experiment " + id
                    + ": the Default experiment cannot be deleted");
        }
        store.delete(experiment);
    }

    /** The experiment a run without {@code experiment_id} goes to in single-user mode, created on demand. */
    @Transactional
    public ExperimentEntity defaultExperiment() {
        return store.defaultExperimentId().flatMap(store::find).orElseGet(() -> {
            ExperimentEntity experiment = store.findByName("", DEFAULT_NAME)
                    .orElseGet(() -> insert(DEFAULT_NAME, DEFAULT_DESCRIPTION, ""));
            store.setDefaultExperimentId(experiment.id);
            return experiment;
        });
    }

    /**
     * The experiment of a new run or recurring run: the given one (must exist), or the Default in single-user mode.
     * Multi-user mode needs an experiment id (upstream's GetValidExperimentNamespacePair); kfp.Client get-or-creates
     * an experiment named {@code Default} in the user's namespace for that.
     */
    @Transactional
    public ExperimentEntity forRun(String experimentId, String field) {
        if (experimentId.isEmpty()) {
            if (namespaces.multiUser()) {
                throw QuarkflowException.invalidArgument(field, Namespaces.EXPERIMENT_ID_EMPTY);
            }
            return defaultExperiment();
        }
        return find(experimentId, field);
    }

    /** An existing experiment, or 404 naming {@code field}. */
    @Transactional
    public ExperimentEntity find(String experimentId, String field) {
        return store.find(experimentId).orElseThrow(() -> QuarkflowException.notFound(field,
                "Experiment " + experimentId + " not found"));
    }

    private ExperimentEntity insert(String name, String description, String namespace) {
        if (name.isEmpty()) {
            throw QuarkflowException.invalidArgument("experiment.display_name", "Experiment name is empty");
        }
        if (name.length() > MAX_NAME) {
            throw QuarkflowException.invalidArgument("experiment.display_name",
                    "must be at most " + MAX_NAME + " characters");
        }
        if (store.findByName(namespace, name).isPresent()) {
            throw QuarkflowException.alreadyExists("experiment.display_name",
                    "Failed to create a new experiment. The name " + name + " already exists");
        }
        ExperimentEntity experiment = new ExperimentEntity();
        experiment.id = UUID.randomUUID().toString();
        experiment.name = name;
        experiment.description = description;
        experiment.createdAt = clock.instant().getEpochSecond();
        experiment.lastRunCreatedAt = 0;
        experiment.namespace = namespace;
        experiment.storageState = AVAILABLE;
        store.persist(experiment);
        return experiment;
    }

    /** An experiment a request names by id; in multi-user mode one without a namespace cannot be used. */
    private ExperimentEntity experiment(String id) {
        ExperimentEntity experiment = find(id, "experiment_id");
        namespaces.require(experiment.namespace, "experiment_id", Namespaces.EXPERIMENT_EMPTY);
        return experiment;
    }

    static Experiment toApi(ExperimentEntity entity) {
        return Experiment.newBuilder()
                .setExperimentId(entity.id)
                .setDisplayName(entity.name)
                .setDescription(text(entity.description))
                .setCreatedAt(seconds(entity.createdAt))
                .setNamespace(entity.namespace)
                .setStorageState(Experiment.StorageState.valueOf(entity.storageState))
                .setLastRunCreatedAt(seconds(entity.lastRunCreatedAt))
                .build();
    }
}

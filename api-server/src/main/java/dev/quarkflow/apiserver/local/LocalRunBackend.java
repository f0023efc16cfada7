package dev.quarkflow.apiserver.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.quarkflow.apiserver.backend.OutputArtifact;
import dev.quarkflow.apiserver.backend.RunBackend;
import dev.quarkflow.apiserver.backend.RunStatusReporter;
import dev.quarkflow.apiserver.backend.RunSubmission;
import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.lineage.Lineage;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.api.TaskLogs;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;
import dev.quarkflow.pipelineengine.local.ArtifactPaths;
import dev.quarkflow.pipelineengine.local.LocalEngineConfig;
import dev.quarkflow.pipelineengine.local.LocalRunEngine;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code local} run backend: runs execute on a {@link LocalRunEngine} in this process (tasks as local
 * processes), and their state and task details are persisted through {@link RunStatusReporter} by one reporter
 * thread, coalescing bursts of engine events. A retry starts the run again on the engine under a new engine run
 * id ({@code <run id>-retry-<n>}); tasks whose cache fingerprint matches are reused, the others run again.
 */
@ApplicationScoped
public class LocalRunBackend implements RunBackend {

    static final String NAME = "local";
    static final String RESTART_REASON = "the api-server stopped while this run was running; retry the run to "
            + "run its unfinished tasks again";
    private static final Logger LOG = Logger.getLogger(LocalRunBackend.class);

    private final ApiServerConfig config;
    private final RunStatusReporter reporter;
    private final RunStore store;
    private final Lineage lineage;
    private final DatabaseCacheStore cache;
    private final Clock clock;
    private final Map<String, Tracked> runs = new ConcurrentHashMap<>();
    private final ExecutorService reporterThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "local-run-reporter");
        thread.setDaemon(true);
        return thread;
    });
    private LocalRunEngine engine;
    private volatile boolean closing;

    /** An API run and the engine run that currently executes it. */
    private record Tracked(String engineRunId, int attempt, RunProgress progress) {
    }

    LocalRunBackend(ApiServerConfig config, RunStatusReporter reporter, RunStore store,
            Lineage lineage, DatabaseCacheStore cache, Clock clock) {
        this.config = config;
        this.reporter = reporter;
        this.store = store;
        this.lineage = lineage;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Runs left RUNNING or CANCELING by a previous process can never finish: they end FAILED or CANCELED. */
    void onStart(@Observes StartupEvent event) {
        if (NAME.equals(config.runBackend())) {
            failOrphans();
        }
    }

    /** Ends every run this process does not execute but the database says is RUNNING or CANCELING. */
    void failOrphans() {
        List<String> orphans = QuarkusTransaction.requiringNew().call(() -> store.inStates(
                List.of(RuntimeState.RUNNING.name(), RuntimeState.CANCELING.name()), Integer.MAX_VALUE).stream()
                .filter(run -> !runs.containsKey(run.id))
                .map(run -> run.id + ":" + run.state).toList());
        for (String orphan : orphans) {
            String runId = orphan.substring(0, orphan.indexOf(':'));
            boolean canceling = orphan.endsWith(":" + RuntimeState.CANCELING.name());
            LOG.warnf("run left unfinished by a previous api-server run_id=%s", runId);
            reporter.report(runId, canceling ? RuntimeState.CANCELED : RuntimeState.FAILED,
                    canceling ? Optional.empty() : Optional.of(TaskDetails.error(RESTART_REASON)), Optional.empty());
        }
    }

    @Override
    public void submit(RunSubmission run) {
        if (runs.containsKey(run.runId())) {
            return;
        }
        start(run, 1);
    }

    @Override
    public void retry(RunSubmission run) {
        Tracked previous = runs.get(run.runId());
        if (previous != null && !previous.progress().isTerminal()) {
            return;
        }
        start(run, previous == null ? 2 : previous.attempt() + 1);
    }

    @Override
    public void cancel(String runId) {
        Tracked tracked = runs.get(runId);
        Optional<RunHandle> handle = tracked == null ? Optional.empty() : engine().run(tracked.engineRunId());
        if (handle.isPresent() && !tracked.progress().isTerminal()) {
            tracked.progress().cancelRequested();
            handle.get().cancel();
        } else {
            reportQuietly(runId, RuntimeState.CANCELED, Optional.empty(), Optional.empty());
        }
    }

    /** The stdout and stderr of a task of a run this process executes; the task by its API id or its path. */
    public Optional<TaskLogs> logs(String runId, String taskId) {
        Tracked tracked = runs.get(runId);
        if (tracked == null) {
            return Optional.empty();
        }
        return tracked.progress().engineTaskId(taskId)
                .flatMap(id -> engine().run(tracked.engineRunId()).flatMap(h -> h.logs(id)));
    }

    /**
     * The local file or folder of an artifact URI, where the engine's tasks read and write it: paths and
     * {@code file://} as they are, object-store URIs under the engine's mounts ({@code <work-dir>/mounts}, see
     * {@link ArtifactPaths}).
     */
    public Path localPath(String uri) {
        return Path.of(new ArtifactPaths(mountRoot()).localPath(uri));
    }

    /** Where the engine keeps object-store artifacts ({@code LocalRunEngine}'s mounts). */
    public Path mountRoot() {
        return config.local().workDir().toAbsolutePath().resolve("mounts");
    }

    /** Whether this process executes (or executed) the run, so that its tasks are known. */
    public boolean knows(String runId) {
        return runs.containsKey(runId);
    }

    private void start(RunSubmission run, int attempt) {
        String engineRunId = attempt == 1 ? run.runId() : run.runId() + "-retry-" + (attempt - 1);
        RunProgress progress = new RunProgress(run.runId(), clock, () -> {
            if (!closing) {
                reporterThread.execute(() -> flush(run.runId()));
            }
        });
        runs.put(run.runId(), new Tracked(engineRunId, attempt, progress));
        RunRequest request = new RunRequest(engineRunId, run.displayName(),
                new CompiledPipeline(run.spec(), run.platformSpec().orElse(null)), run.parameters(), Map.of(),
                run.pipelineRoot(), true, run.createdAt());
        try {
            engine().start(request, progress);
            LOG.infof("run started run_id=%s engine_run_id=%s", run.runId(), engineRunId);
        } catch (QuarkflowException | IllegalArgumentException e) {
            LOG.warnf("run could not start run_id=%s: %s", run.runId(), e.getMessage());
            reportQuietly(run.runId(), RuntimeState.FAILED, Optional.of(TaskDetails.error(e.getMessage())),
                    Optional.empty());
        }
    }

    /** Persists the run's current picture; reporter thread only. */
    private void flush(String runId) {
        Tracked tracked = runs.get(runId);
        if (closing || tracked == null || !tracked.progress().takeDirty()) {
            return;
        }
        RunProgress.View view = tracked.progress().view();
        reportQuietly(runId, view.state(), view.error().map(TaskDetails::error), Optional.of(view.details()),
                view.artifacts());
    }

    private void reportQuietly(String runId, RuntimeState state, Optional<com.google.rpc.Status> error,
            Optional<dev.quarkflow.proto.kfp.v2beta1.RunDetails> details) {
        reportQuietly(runId, state, error, details, Optional.empty());
    }

    private void reportQuietly(String runId, RuntimeState state, Optional<com.google.rpc.Status> error,
            Optional<dev.quarkflow.proto.kfp.v2beta1.RunDetails> details, Optional<List<OutputArtifact>> artifacts) {
        try {
            reporter.report(runId, state, error, details, artifacts);
        } catch (QuarkflowException e) {
            LOG.debugf("run state not recorded run_id=%s: %s", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "run state not recorded run_id=%s", runId);
        }
    }

    private synchronized LocalRunEngine engine() {
        if (engine == null) {
            ApiServerConfig.Local local = config.local();
            int parallel = local.maxParallelTasks().orElse(Math.max(2, Runtime.getRuntime().availableProcessors()));
            LineageRecorder recorder = lineage.recorder();
            engine = new LocalRunEngine(new LocalEngineConfig(local.pipelineRoot().toAbsolutePath(),
                    local.workDir().toAbsolutePath(), parallel, local.python(), local.cacheEnabled(),
                    local.taskTimeout(), cache, recorder));
            LOG.infof("local run engine ready pipeline_root=%s max_parallel_tasks=%d", local.pipelineRoot(),
                    parallel);
        }
        return engine;
    }

    @PreDestroy
    synchronized void close() {
        // Runs still going stay RUNNING in the database; the next start ends them FAILED with a reason.
        closing = true;
        reporterThread.shutdown();
        if (engine != null) {
            engine.close();
        }
    }
}

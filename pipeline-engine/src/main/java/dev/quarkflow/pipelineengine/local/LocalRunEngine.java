package dev.quarkflow.pipelineengine.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.pipelineengine.api.RunEngine;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;

/**
 * The {@code local} run backend: every run is walked by a {@link dev.quarkflow.pipelineengine.domain.RunInterpreter}
 * on one scheduler thread, and container tasks run as local processes (image ignored, as kfp.local's subprocess
 * runner does), at most {@link LocalEngineConfig#maxParallelTasks()} at once over all runs.
 */
public final class LocalRunEngine implements RunEngine {

    private static final Logger LOG = Logger.getLogger(LocalRunEngine.class);
    private static final Duration LINEAGE_DRAIN = Duration.ofSeconds(30);

    final LocalEngineConfig config;
    final ScheduledExecutorService scheduler;
    /** Runs' lineage queues drain here, one thread per run at most (see {@link LineageQueue}). */
    final ExecutorService lineagePool;
    final PythonRuntime runtime;
    final ArtifactPaths paths;
    private final Map<String, LocalRun> runs = new ConcurrentHashMap<>();
    // Scheduler thread only.
    private final Deque<LocalRun.Launch> queue = new ArrayDeque<>();
    private int running;
    private volatile int peakRunning;

    public LocalRunEngine(LocalEngineConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.pipelineRoot());
            Files.createDirectories(config.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the engine's folders", e);
        }
        this.runtime = PythonRuntime.install(config.workDir().resolve("kfp-runtime"), config.python());
        this.paths = new ArtifactPaths(mountRoot());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "pipeline-engine-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // On close, pending timeouts, retries and deadlines are dropped; queued work still runs.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
        AtomicInteger lineageThreads = new AtomicInteger();
        this.lineagePool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "pipeline-engine-lineage-" + lineageThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Path mountRoot() {
        return config.workDir().resolve("mounts");
    }

    @Override
    public RunHandle start(RunRequest request, RunListener listener) {
        if (runs.containsKey(request.runId())) {
            throw QuarkflowException.alreadyExists("run_id", "run " + request.runId() + " is already known");
        }
        LocalRun run = new LocalRun(this, request, listener == null ? RunListener.NONE : listener);
        runs.put(request.runId(), run);
        scheduler.execute(run.guarded(run::start));
        return run;
    }

    @Override
    public Optional<RunHandle> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Queues a process start; called on the scheduler thread. */
    void submit(LocalRun.Launch launch) {
        queue.addLast(launch);
        pump();
    }

    /** Drops a queued launch that was not started yet; true if it was queued. */
    boolean unqueue(LocalRun run, String taskId) {
        return queue.removeIf(l -> l.run() == run && l.taskId().equals(taskId));
    }

    /** A process ended (or a start failed); frees its slot. Scheduler thread. */
    void released() {
        running--;
        pump();
    }

    private void pump() {
        while (running < config.maxParallelTasks() && !queue.isEmpty()) {
            LocalRun.Launch launch = queue.removeFirst();
            running++;
            peakRunning = Math.max(peakRunning, running);
            launch.run().startProcess(launch);
        }
    }

    /** The most processes that ran at once so far (for tests and metrics). */
    public int peakProcesses() {
        return peakRunning;
    }

    /** Cancels what still runs, then waits (bounded) for the runs to end and their lineage to be recorded. */
    @Override
    public void close() {
        runs.values().forEach(LocalRun::cancel);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
            CompletableFuture.allOf(runs.values().stream().map(LocalRun::lineageRecorded)
                    .toArray(CompletableFuture[]::new)).get(LINEAGE_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("closed before all lineage was recorded: %s", e.toString());
        }
        lineagePool.shutdownNow();
        LOG.debugf("pipeline engine closed runs=%d", runs.size());
    }
}

package dev.quarkflow.pipelineengine.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunLineage;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.api.TaskLogs;
import dev.quarkflow.pipelineengine.cache.CachedExecution;
import dev.quarkflow.pipelineengine.domain.CacheFingerprint;
import dev.quarkflow.pipelineengine.domain.EngineCommand;
import dev.quarkflow.pipelineengine.domain.ExecutorResult;
import dev.quarkflow.pipelineengine.domain.ExecutorTask;
import dev.quarkflow.pipelineengine.domain.Placeholders;
import dev.quarkflow.pipelineengine.domain.RunContext;
import dev.quarkflow.pipelineengine.domain.RunInterpreter;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.SystemPlaceholders;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;
import dev.quarkflow.pipelineengine.lineage.MlmdIdsListener;

/**
 * One run of the local backend: feeds its interpreter on the engine's scheduler thread and carries out the
 * commands it returns (processes, retries, kills, cache hits, notifications).
 */
final class LocalRun implements RunHandle {

    private static final Logger LOG = Logger.getLogger(LocalRun.class);
    private static final int ERROR_TAIL_LINES = 5;

    /** A container task waiting for a process slot. */
    record Launch(LocalRun run, ExecutorTask task) {
        String taskId() {
            return task.taskId();
        }
    }

    private final LocalRunEngine engine;
    private final RunRequest request;
    private final RunListener listener;
    private final RunContext context;
    private final RunInterpreter interpreter;
    private final String runRootUri;
    private final CompletableFuture<RunState> completion = new CompletableFuture<>();
    private final Map<String, TaskSnapshot> tasks = new ConcurrentHashMap<>();
    private final List<String> taskOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, TaskLogs> logs = new ConcurrentHashMap<>();
    private final LineageQueue lineage;
    private volatile RunLineage lineageIds;
    // Scheduler thread only.
    private final Map<String, Long> executionIds = new HashMap<>();
    private final Deque<Runnable> cacheHits = new ArrayDeque<>();
    private boolean handling;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> fingerprints = new LinkedHashMap<>();
    private volatile RunState state = RunState.PENDING;
    private volatile String error;

    LocalRun(LocalRunEngine engine, RunRequest request, RunListener listener) {
        this.engine = engine;
        this.request = request;
        this.listener = listener;
        String root = request.pipelineRoot() == null || request.pipelineRoot().isEmpty()
                ? engine.config.pipelineRoot().toString()
                : request.pipelineRoot();
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.runRootUri = root + "/" + request.pipeline().pipelineName() + "/" + request.runId();
        Instant created = request.createTime() == null ? Instant.now() : request.createTime();
        String workspace = engine.paths.localPath(runRootUri) + "/.workspace";
        this.context = new RunContext(request.runId(), request.runName(), resourceName(request), root, workspace,
                request.parameters(), request.inputArtifacts(), created, null, engine.config.taskTimeout());
        this.interpreter = new RunInterpreter(request.pipeline(), context);
        this.lineage = new LineageQueue(request.runId(), engine.config.lineage(), engine.lineagePool);
    }

    /** Like Argo's generateName: {@code <pipeline name>-<suffix>}, the suffix from the run id. */
    static String resourceName(RunRequest request) {
        String suffix = request.runId().toLowerCase().replaceAll("[^a-z0-9]", "");
        return request.pipeline().pipelineName() + "-" + suffix.substring(0, Math.min(8, suffix.length()));
    }

    /**
     * Work for the scheduler thread. A bug that throws there must not leave the run RUNNING forever: the run
     * ends FAILED with the error, its processes are killed, and the engine goes on with other runs.
     */
    Runnable guarded(Runnable work) {
        return () -> {
            if (state.isTerminal()) {
                work.run();
                lineage.flush();
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "run failed on an internal error run=%s", request.runId());
                processes.values().forEach(LocalRun::kill);
                runChanged(RunState.FAILED,
                        e instanceof QuarkflowException ? e.getMessage() : "internal error: " + e.getMessage());
            }
            lineage.flush();
        };
    }

    void start() {
        lineage.runStarted(new LineageRecorder.RunInfo(request.runId(), request.pipeline().pipelineName(),
                runRootUri, new LineageIds()));
        try {
            Files.createDirectories(Path.of(engine.paths.localPath(runRootUri), ".workspace"));
        } catch (IOException e) {
            LOG.warnf("cannot create the run workspace run=%s: %s", request.runId(), e.getMessage());
        }
        int deadline = request.pipeline().activeDeadlineSeconds();
        if (deadline > 0) {
            engine.scheduler.schedule(guarded(() -> handle(interpreter.onDeadlineExceeded())), deadline,
                    TimeUnit.SECONDS);
        }
        handle(interpreter.start());
    }

    /**
     * Carries out the interpreter's commands. Cache hits found meanwhile are fed back before returning, so a hit's
     * start and end reach lineage together (one write).
     */
    private void handle(List<EngineCommand> commands) {
        apply(commands);
        if (handling) {
            return;
        }
        handling = true;
        try {
            for (Runnable hit = cacheHits.poll(); hit != null; hit = cacheHits.poll()) {
                hit.run();
            }
        } finally {
            handling = false;
        }
    }

    private void apply(List<EngineCommand> commands) {
        for (EngineCommand command : commands) {
            if (command instanceof EngineCommand.LaunchExecutor launch) {
                launch(launch.task());
            } else if (command instanceof EngineCommand.ScheduleRetry retry) {
                engine.scheduler.schedule(guarded(() -> handle(interpreter.onRetryDue(retry.taskId()))),
                        retry.delay().toMillis(), TimeUnit.MILLISECONDS);
            } else if (command instanceof EngineCommand.StopExecutor stop) {
                stop(stop.taskId());
            } else if (command instanceof EngineCommand.TaskChanged changed) {
                taskChanged(changed.task());
            } else if (command instanceof EngineCommand.RunChanged changed) {
                runChanged(changed.state(), changed.error());
            }
        }
    }

    private void launch(ExecutorTask task) {
        if (cachingApplies(task)) {
            String fingerprint = CacheFingerprint.of(task);
            fingerprints.put(task.taskId(), fingerprint);
            Optional<CachedExecution> hit = engine.config.cacheStore()
                    .find(request.pipeline().pipelineName(), fingerprint)
                    .filter(this::artifactsStillExist);
            if (hit.isPresent()) {
                LOG.debugf("cache hit run=%s task=%s from run=%s", request.runId(), task.taskId(), hit.get().runId());
                ExecutorResult cached = ExecutorResult.cached(hit.get().outputParameters(),
                        hit.get().outputArtifacts());
                cacheHits.add(() -> finished(task, cached));
                return;
            }
        }
        engine.submit(new Launch(this, task));
    }

    private boolean cachingApplies(ExecutorTask task) {
        return engine.config.cacheEnabled() && request.cachingEnabled() && task.caching().getEnableCache();
    }

    /** A cached execution whose output files are gone is not reused (the task runs again). */
    private boolean artifactsStillExist(CachedExecution execution) {
        return CacheFingerprint.artifactUris(execution.outputArtifacts()).stream()
                .allMatch(uri -> Files.exists(Path.of(engine.paths.localPath(uri))));
    }

    /** Starts the process of a launch that got a slot. Scheduler thread. */
    void startProcess(Launch launch) {
        ExecutorTask task = launch.task();
        TaskLaunch prepared;
        Process process;
        try {
            prepared = TaskLaunch.prepare(task, runRootUri + "/" + task.taskId(), engine.paths,
                    SystemPlaceholders.of(context, task.displayName(), task.taskUuid()),
                    engine.runtime, engine.mountRoot());
            logs.put(task.taskId(), prepared.logs());
            process = prepared.start();
        } catch (IOException | IllegalArgumentException | Placeholders.PlaceholderException e) {
            engine.released();
            ExecutorResult failed = ExecutorResult.failed("cannot start: " + e.getMessage());
            engine.scheduler.execute(guarded(() -> finished(task, failed)));
            return;
        }
        LOG.debugf("started run=%s task=%s attempt=%d pid=%d", request.runId(), task.taskId(), task.attempt(),
                process.pid());
        processes.put(task.taskId(), process);
        // flushed here: the slot may have been freed by another run's work, which flushes that run's lineage only
        lineage.processStarted(task.taskId());
        lineage.flush();
        Duration timeout = task.timeout();
        if (!timeout.isZero()) {
            engine.scheduler.schedule(() -> {
                if (processes.get(task.taskId()) == process) {
                    timedOut.put(task.taskId(), process);
                    kill(process);
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        TaskLaunch done = prepared;
        process.onExit().thenAcceptAsync(p -> guarded(() -> exited(done, p)).run(), engine.scheduler);
    }

    private final Map<String, Process> timedOut = new LinkedHashMap<>();
    private final Map<String, Process> stopped = new LinkedHashMap<>();

    private void exited(TaskLaunch launch, Process process) {
        String taskId = launch.task().taskId();
        processes.remove(taskId, process);
        engine.released();
        ExecutorResult result;
        if (stopped.remove(taskId) == process) {
            result = ExecutorResult.canceled();
        } else if (timedOut.remove(taskId) == process) {
            result = ExecutorResult.timedOut("timed out after " + launch.task().timeout());
        } else if (process.exitValue() != 0) {
            result = ExecutorResult.failed("exit code " + process.exitValue() + errorTail(launch.logs()));
        } else {
            result = OutputCollector.collect(launch.executorInput(),
                    launch.task().component().getOutputDefinitions());
        }
        finished(launch.task(), result);
    }

    private static String errorTail(TaskLogs logs) {
        List<String> lines = logs.readStderr().lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        return ": " + String.join("\n", lines.subList(Math.max(0, lines.size() - ERROR_TAIL_LINES), lines.size()));
    }

    private void finished(ExecutorTask task, ExecutorResult result) {
        if (result.outcome() == ExecutorResult.Outcome.SUCCEEDED && fingerprints.containsKey(task.taskId())) {
            engine.config.cacheStore().put(request.pipeline().pipelineName(), fingerprints.get(task.taskId()),
                    new CachedExecution(request.runId(), task.taskId(), result.outputParameters(),
                            result.outputArtifacts()));
        }
        handle(interpreter.onExecutorFinished(task.taskId(), result));
    }

    private void stop(String taskId) {
        if (engine.unqueue(this, taskId)) {
            engine.scheduler.execute(
                    guarded(() -> handle(interpreter.onExecutorFinished(taskId, ExecutorResult.canceled()))));
            return;
        }
        Process process = processes.get(taskId);
        if (process != null) {
            stopped.put(taskId, process);
            kill(process);
        }
    }

    /** Kills a task's process and everything it started ({@code sh -c} children, Python). */
    private static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void taskChanged(TaskSnapshot changed) {
        TaskSnapshot task = changed.withExecutionId(executionIds.get(changed.taskId()));
        if (tasks.put(task.taskId(), task) == null) {
            taskOrder.add(task.taskId());
        }
        lineage.taskChanged(changed, fingerprints.get(task.taskId()), processes.containsKey(task.taskId()));
        notify("listener", () -> listener.onTaskChanged(request.runId(), task));
    }

    /** Lineage created a task's execution: the task's snapshot gets the id. Scheduler thread. */
    private void executionRecorded(String taskId, long executionId) {
        executionIds.put(taskId, executionId);
        TaskSnapshot task = tasks.get(taskId);
        if (task != null && task.executionId() == null) {
            TaskSnapshot withId = task.withExecutionId(executionId);
            tasks.put(taskId, withId);
            notify("listener", () -> listener.onTaskChanged(request.runId(), withId));
        }
    }

    private void lineageIdsRecorded(RunLineage ids) {
        notify("listener", () -> listener.onLineageRecorded(request.runId(), ids));
    }

    /** Where the run's recorder reports MLMD ids (its thread): handed to the scheduler thread. */
    private final class LineageIds implements MlmdIdsListener {

        @Override
        public void contextsRecorded(long pipelineContextId, long runContextId) {
            RunLineage ids = new RunLineage(pipelineContextId, runContextId);
            lineageIds = ids;
            onScheduler(() -> lineageIdsRecorded(ids));
        }

        @Override
        public void executionRecorded(String taskId, long executionId) {
            onScheduler(() -> LocalRun.this.executionRecorded(taskId, executionId));
        }

        private void onScheduler(Runnable work) {
            try {
                engine.scheduler.execute(guarded(work));
            } catch (RejectedExecutionException e) {
                // the engine closed: nobody listens any more
                LOG.debugf("MLMD id not passed on, engine closed run=%s", request.runId());
            }
        }
    }

    private void runChanged(RunState newState, String newError) {
        if (state.isTerminal()) {
            return; // ended already (an internal error ended it before the interpreter did)
        }
        state = newState;
        if (newError != null) {
            error = newError;
        }
        LOG.infof("run %s run=%s%s", newState, request.runId(), newError == null ? "" : " error=" + newError);
        notify("listener", () -> listener.onRunStateChanged(request.runId(), newState, newError));
        if (newState.isTerminal()) {
            lineage.runFinished(newState);
            completion.complete(newState);
        }
    }

    /**
     * Listeners and lineage recorders are integrations: their failure must not stop or hang the run, so it is
     * logged and the run goes on (lineage is then incomplete, which the log says).
     */
    private void notify(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s failed run=%s", what, request.runId());
        }
    }

    @Override
    public String runId() {
        return request.runId();
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public List<TaskSnapshot> tasks() {
        return taskOrder.stream().map(tasks::get).toList();
    }

    @Override
    public Optional<TaskLogs> logs(String taskId) {
        return Optional.ofNullable(logs.get(taskId));
    }

    @Override
    public void cancel() {
        engine.scheduler.execute(guarded(() -> handle(interpreter.cancel())));
    }

    @Override
    public CompletableFuture<RunState> completion() {
        return completion;
    }

    @Override
    public Optional<RunLineage> lineage() {
        return Optional.ofNullable(lineageIds);
    }

    @Override
    public CompletableFuture<Void> lineageRecorded() {
        return lineage.recorded();
    }
}

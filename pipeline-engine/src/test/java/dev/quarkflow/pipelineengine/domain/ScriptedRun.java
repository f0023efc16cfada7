package dev.quarkflow.pipelineengine.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.google.protobuf.Value;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Drives a {@link RunInterpreter} synchronously, like a backend would, with executors scripted by the test: the
 * oldest launched task finishes first; retries are due at once.
 */
final class ScriptedRun {

    final RunInterpreter interpreter;
    final List<ExecutorTask> launched = new ArrayList<>();
    final List<EngineCommand> commands = new ArrayList<>();
    final Map<String, Integer> peakRunningByPrefix = new LinkedHashMap<>();
    private final Deque<ExecutorTask> running = new ArrayDeque<>();
    private final Deque<String> retries = new ArrayDeque<>();

    ScriptedRun(CompiledPipeline pipeline, Map<String, Value> parameters) {
        RunContext context = new RunContext("run-1", "my run", "my-run-resource", "/tmp/root", "/tmp/ws", parameters,
                Map.of(), Instant.parse("2026-01-02T03:04:05Z"), null, Duration.ZERO);
        interpreter = new RunInterpreter(pipeline, context);
    }

    static CompiledPipeline conformance(String file) {
        try {
            return CompiledPipeline.parse(Files.readString(SharedFixtures.conformance("kfp").resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScriptedRun of(String file) {
        return new ScriptedRun(conformance(file), Map.of());
    }

    static ScriptedRun of(String file, Map<String, Value> parameters) {
        return new ScriptedRun(conformance(file), parameters);
    }

    ScriptedRun start() {
        handle(interpreter.start());
        return this;
    }

    /** Runs every launched task through the script until nothing is left to do. */
    ScriptedRun runToEnd(Function<ExecutorTask, ExecutorResult> script) {
        while (!running.isEmpty() || !retries.isEmpty()) {
            if (!running.isEmpty()) {
                ExecutorTask task = running.removeFirst();
                handle(interpreter.onExecutorFinished(task.taskId(), script.apply(task)));
            } else {
                handle(interpreter.onRetryDue(retries.removeFirst()));
            }
        }
        return this;
    }

    /** Ends just the oldest running task. */
    ScriptedRun finishNext(Function<ExecutorTask, ExecutorResult> script) {
        ExecutorTask task = running.removeFirst();
        handle(interpreter.onExecutorFinished(task.taskId(), script.apply(task)));
        return this;
    }

    List<ExecutorTask> running() {
        return List.copyOf(running);
    }

    void handle(List<EngineCommand> todo) {
        commands.addAll(todo);
        for (EngineCommand command : todo) {
            if (command instanceof EngineCommand.LaunchExecutor launch) {
                launched.add(launch.task());
                running.addLast(launch.task());
                String id = launch.task().taskId();
                for (int slash = id.indexOf('/'); slash > 0; slash = id.indexOf('/', slash + 1)) {
                    String prefix = id.substring(0, slash + 1);
                    // iterations of a loop running at once: distinct "<loop>/iteration-N" among running tasks
                    long count = running.stream().map(ExecutorTask::taskId).filter(t -> t.startsWith(prefix))
                            .map(t -> t.substring(0, (t + "/").indexOf('/', prefix.length()))).distinct().count();
                    peakRunningByPrefix.merge(prefix, (int) count, Math::max);
                }
            } else if (command instanceof EngineCommand.ScheduleRetry retry) {
                retries.addLast(retry.taskId());
            } else if (command instanceof EngineCommand.StopExecutor stop) {
                running.removeIf(t -> t.taskId().equals(stop.taskId()));
                commands.addAll(interpreter.onExecutorFinished(stop.taskId(), ExecutorResult.canceled()));
            }
        }
    }

    List<String> launchedNames() {
        return launched.stream().map(ExecutorTask::taskName).toList();
    }

    TaskState state(String taskId) {
        return interpreter.task(taskId).orElseThrow(() -> new AssertionError("no task " + taskId)).state();
    }

    /** Succeeds with one value per declared output: given ones by output name, else a typed default. */
    static Function<ExecutorTask, ExecutorResult> succeedWith(Map<String, Map<String, Value>> byTask) {
        return task -> {
            Map<String, Value> parameters = new LinkedHashMap<>();
            task.component().getOutputDefinitions().getParametersMap().forEach((name, spec) -> {
                Value given = byTask.getOrDefault(task.taskName(), Map.of()).get(name);
                parameters.put(name, given != null ? given : switch (spec.getParameterType()) {
                    case NUMBER_INTEGER, NUMBER_DOUBLE -> Values.of(1);
                    case BOOLEAN -> Values.of(true);
                    case LIST -> Values.list(List.of(Values.of("a"), Values.of("b")));
                    case STRUCT -> Values.struct(Map.of("k", Values.of("v")));
                    default -> Values.of(task.taskName() + "-" + name);
                });
            });
            Map<String, List<RuntimeArtifact>> artifacts = new LinkedHashMap<>();
            task.component().getOutputDefinitions().getArtifactsMap().forEach((name, spec) -> artifacts.put(name,
                    List.of(RuntimeArtifact.newBuilder().setName(name).setType(spec.getArtifactType())
                            .setUri("mem://" + task.taskId() + "/" + name).build())));
            return ExecutorResult.succeeded(parameters, artifacts);
        };
    }

    static Function<ExecutorTask, ExecutorResult> succeed() {
        return succeedWith(Map.of());
    }
}

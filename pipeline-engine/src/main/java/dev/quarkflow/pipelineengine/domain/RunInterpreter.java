package dev.quarkflow.pipelineengine.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.ComponentSpec;
import dev.quarkflow.proto.pipelinespec.DagOutputsSpec;
import dev.quarkflow.proto.pipelinespec.PipelineDeploymentConfig.ExecutorSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec.RetryPolicy;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;
import dev.quarkflow.proto.pipelinespec.TaskInputsSpec;

/**
 * Walks one run of a compiled pipeline as a state machine. It runs nothing itself: every call returns the
 * {@link EngineCommand}s its backend must carry out (launch an executor, schedule a retry, stop a process) and
 * the state changes to publish. Not thread-safe: a backend feeds it from one thread.
 *
 * <pre>{@code
 * RunInterpreter run = new RunInterpreter(pipeline, context);
 * List<EngineCommand> todo = run.start();
 * // ... an executor ends:
 * todo = run.onExecutorFinished(taskId, ExecutorResult.succeeded(params, artifacts));
 * }</pre>
 *
 * Semantics (facts §7, §12): a task starts when all its dependencies ended; under the default trigger strategy a
 * failed dependency makes it {@link TaskState#UPSTREAM_FAILED}, while {@code ALL_UPSTREAM_TASKS_COMPLETED} (exit
 * handlers, {@code ignore_upstream_failure}) runs it anyway; a false condition makes it {@link TaskState#SKIPPED};
 * independent branches keep running after a failure; a DAG fails when one of its tasks failed.
 */
public final class RunInterpreter {

    private static final String ROOT = "root";
    private static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);

    private final CompiledPipeline pipeline;
    private final RunContext run;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<EngineCommand> pending = new ArrayList<>();
    private Node root;
    private RunState runState = RunState.PENDING;
    private String runError;
    private boolean cancelRequested;
    private boolean deadlineExceeded;

    public RunInterpreter(CompiledPipeline pipeline, RunContext run) {
        this.pipeline = pipeline;
        this.run = run;
    }

    /** Starts the run: validates the root inputs and starts every task that has no dependency. */
    public List<EngineCommand> start() {
        if (runState != RunState.PENDING) {
            throw new IllegalStateException("run " + run.runId() + " already started");
        }
        ComponentSpec rootComponent = pipeline.spec().getRoot();
        root = new Node(ROOT, null, null, ROOT, pipeline.pipelineName(), rootComponent, ROOT, TaskKind.DAG);
        nodes.put(ROOT, root);
        setRunState(RunState.RUNNING, null);
        try {
            InputResolver.Resolved inputs = InputResolver.rootInputs(rootComponent, run);
            root.inputParameters.putAll(inputs.parameters());
            root.inputArtifacts.putAll(inputs.artifacts());
        } catch (InputResolver.UnresolvedInput e) {
            finish(root, TaskState.FAILED, e.getMessage());
            setRunState(RunState.FAILED, e.getMessage());
            return drain();
        }
        startGroup(root);
        advance();
        return drain();
    }

    /** An executor this interpreter launched ended. Stale reports (task no longer running) are ignored. */
    public List<EngineCommand> onExecutorFinished(String taskId, ExecutorResult result) {
        Node node = nodes.get(taskId);
        if (node == null || node.state != TaskState.RUNNING || node.kind != TaskKind.CONTAINER) {
            return drain();
        }
        switch (result.outcome()) {
            case SUCCEEDED, CACHED -> {
                node.outputParameters.putAll(result.outputParameters());
                node.outputArtifacts.putAll(result.outputArtifacts());
                finish(node, result.outcome() == ExecutorResult.Outcome.CACHED ? TaskState.CACHED
                        : TaskState.SUCCEEDED, null);
            }
            case FAILED, TIMED_OUT -> failOrRetry(node, result.error());
            case CANCELED -> finish(node, TaskState.CANCELED, cancelReason());
        }
        advance();
        return drain();
    }

    /** The backoff of a retry scheduled by {@link EngineCommand.ScheduleRetry} is over. */
    public List<EngineCommand> onRetryDue(String taskId) {
        Node node = nodes.get(taskId);
        if (node != null && node.state == TaskState.RUNNING && node.awaitingRetry) {
            node.awaitingRetry = false;
            if (cancelRequested) {
                finish(node, TaskState.CANCELED, cancelReason());
                advance();
            } else {
                launch(node);
            }
        }
        return drain();
    }

    /** Cancels the run: nothing new starts, running executors are stopped; the run ends CANCELED. */
    public List<EngineCommand> cancel() {
        if (runState.isTerminal() || cancelRequested) {
            return drain();
        }
        cancelRequested = true;
        setRunState(RunState.CANCELING, null);
        for (Node node : List.copyOf(nodes.values())) {
            if (node.kind == TaskKind.CONTAINER && node.state == TaskState.RUNNING) {
                if (node.awaitingRetry) {
                    node.awaitingRetry = false;
                    finish(node, TaskState.CANCELED, cancelReason());
                } else {
                    pending.add(new EngineCommand.StopExecutor(node.id));
                }
            }
        }
        advance();
        return drain();
    }

    /** The run's deadline passed: like {@link #cancel()}, but the run ends FAILED. */
    public List<EngineCommand> onDeadlineExceeded() {
        if (runState.isTerminal()) {
            return drain();
        }
        deadlineExceeded = true;
        runError = "run exceeded its deadline";
        return cancel();
    }

    public RunState runState() {
        return runState;
    }

    public Optional<String> runError() {
        return Optional.ofNullable(runError);
    }

    public Optional<TaskSnapshot> task(String taskId) {
        return Optional.ofNullable(nodes.get(taskId)).map(Node::snapshot);
    }

    /** Every task created so far, parents before children. */
    public List<TaskSnapshot> tasks() {
        return nodes.values().stream().map(Node::snapshot).toList();
    }

    /** The root DAG's outputs (pipeline outputs) once the run succeeded. */
    public Map<String, Value> outputParameters() {
        return root == null ? Map.of() : Map.copyOf(root.outputParameters);
    }

    public Map<String, List<RuntimeArtifact>> outputArtifacts() {
        return root == null ? Map.of() : Map.copyOf(root.outputArtifacts);
    }

    private List<EngineCommand> drain() {
        List<EngineCommand> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    private String cancelReason() {
        return deadlineExceeded ? "run exceeded its deadline" : "run canceled";
    }

    // ---------------------------------------------------------------- scheduling

    private void advance() {
        if (runState.isTerminal()) {
            return;
        }
        boolean progressed;
        do {
            progressed = advanceGroup(root);
        } while (progressed && !root.state.isTerminal());
        if (root.state.isTerminal()) {
            RunState end = switch (root.state) {
                case SUCCEEDED, CACHED, SKIPPED -> deadlineExceeded ? RunState.FAILED : RunState.SUCCEEDED;
                case CANCELED -> deadlineExceeded ? RunState.FAILED : RunState.CANCELED;
                default -> RunState.FAILED;
            };
            setRunState(end, end == RunState.SUCCEEDED || end == RunState.CANCELED ? null
                    : runError != null ? runError : root.error);
        }
    }

    /** One pass over a running DAG or iteration; completes it when all its tasks ended. */
    private boolean advanceGroup(Node group) {
        boolean progressed = false;
        for (Node child : group.children.values()) {
            if (child.state == TaskState.PENDING) {
                if (cancelRequested) {
                    finish(child, TaskState.CANCELED, cancelReason());
                    progressed = true;
                } else if (dependenciesEnded(group, child)) {
                    begin(group, child);
                    progressed = true;
                }
            } else if (child.state == TaskState.RUNNING) {
                if (child.kind == TaskKind.DAG) {
                    progressed |= advanceGroup(child);
                } else if (child.kind == TaskKind.LOOP) {
                    progressed |= advanceLoop(child);
                }
            }
        }
        if (group.state == TaskState.RUNNING && group.children.values().stream().allMatch(c -> c.state.isTerminal())) {
            completeGroup(group);
            progressed = true;
        }
        return progressed;
    }

    private boolean advanceLoop(Node loop) {
        boolean progressed = false;
        int running = 0;
        for (Node iteration : loop.children.values()) {
            if (iteration.state == TaskState.RUNNING) {
                progressed |= advanceGroup(iteration);
                if (iteration.state == TaskState.RUNNING) {
                    running++;
                }
            }
        }
        for (Node iteration : loop.children.values()) {
            if (iteration.state != TaskState.PENDING) {
                continue;
            }
            if (cancelRequested) {
                finish(iteration, TaskState.CANCELED, cancelReason());
                progressed = true;
            } else if (loop.parallelismLimit <= 0 || running < loop.parallelismLimit) {
                startGroup(iteration);
                running++;
                progressed = true;
                advanceGroup(iteration);
            }
        }
        if (loop.children.values().stream().allMatch(c -> c.state.isTerminal())) {
            completeLoop(loop);
            progressed = true;
        }
        return progressed;
    }

    private boolean dependenciesEnded(Node group, Node child) {
        for (String dependency : child.dependencies) {
            Node dep = group.children.get(dependency);
            if (dep != null && !dep.state.isTerminal()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> dependencies(PipelineTaskSpec task) {
        List<String> deps = new ArrayList<>(task.getDependentTasksList());
        TaskInputsSpec inputs = task.getInputs();
        inputs.getParametersMap().values().forEach(p -> {
            if (p.hasTaskOutputParameter()) {
                deps.add(p.getTaskOutputParameter().getProducerTask());
            } else if (p.hasTaskFinalStatus()) {
                deps.add(p.getTaskFinalStatus().getProducerTask());
            }
        });
        inputs.getArtifactsMap().values().forEach(a -> {
            if (a.hasTaskOutputArtifact()) {
                deps.add(a.getTaskOutputArtifact().getProducerTask());
            }
        });
        return deps.stream().distinct().toList();
    }

    private void begin(Node group, Node child) {
        PipelineTaskSpec task = child.task;
        if (task.getTriggerPolicy()
                .getStrategy() != PipelineTaskSpec.TriggerPolicy.TriggerStrategy.ALL_UPSTREAM_TASKS_COMPLETED) {
            Optional<Node> failed = child.dependencies.stream().map(group.children::get)
                    .filter(dep -> dep != null && (dep.state.isFailure() || dep.state == TaskState.CANCELED))
                    .findFirst();
            if (failed.isPresent()) {
                finish(child, TaskState.UPSTREAM_FAILED, "upstream task '" + failed.get().taskName + "' did not succeed");
                return;
            }
        }
        try {
            InputResolver.Resolved inputs = new InputResolver(run, group.inputParameters, group.inputArtifacts,
                    siblingsOf(group), SystemPlaceholders.of(run, child.displayName, child.uuid))
                    .resolve(child.taskName, task, child.component);
            child.inputParameters.putAll(inputs.parameters());
            child.inputArtifacts.putAll(inputs.artifacts());
        } catch (InputResolver.UnresolvedInput e) {
            finish(child, e.producerSkipped() ? TaskState.SKIPPED : TaskState.FAILED, e.getMessage());
            return;
        }
        String condition = task.getTriggerPolicy().getCondition();
        if (!condition.isEmpty()) {
            try {
                Map<String, Object> parameters = new LinkedHashMap<>();
                child.inputParameters.forEach((k, v) -> parameters.put(k, Values.toJava(v)));
                if (!CelExpression.parse(condition).test(CelExpression.conditionVariables(parameters))) {
                    finish(child, TaskState.SKIPPED, null);
                    return;
                }
            } catch (CelExpression.CelException e) {
                finish(child, TaskState.FAILED, "condition: " + e.getMessage());
                return;
            }
        }
        switch (child.kind) {
            case DAG -> startGroup(child);
            case LOOP -> startLoop(child);
            case IMPORTER -> runImporter(child);
            case CONTAINER -> {
                child.attempt = 1;
                setState(child, TaskState.RUNNING);
                launch(child);
            }
            default -> throw new IllegalStateException("unexpected task kind " + child.kind);
        }
    }

    private Map<String, InputResolver.Sibling> siblingsOf(Node group) {
        Map<String, InputResolver.Sibling> siblings = new LinkedHashMap<>();
        group.children.forEach((key, node) -> siblings.put(key, node));
        return siblings;
    }

    private void startGroup(Node group) {
        if (group.state != TaskState.RUNNING) {
            setState(group, TaskState.RUNNING);
        }
        group.component.getDag().getTasksMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Node child = newTask(group, e.getKey(), e.getValue());
                    group.children.put(e.getKey(), child);
                    publish(child);
                });
    }

    private Node newTask(Node parent, String key, PipelineTaskSpec task) {
        String id = parent == root ? key : parent.id + "/" + key;
        String componentName = task.getComponentRef().getName();
        ComponentSpec component = pipeline.spec().getComponentsOrDefault(componentName, null);
        if (component == null) {
            Node broken = new Node(id, parent, task, key, displayName(task, key), ComponentSpec.getDefaultInstance(),
                    componentName, TaskKind.CONTAINER);
            nodes.put(id, broken);
            broken.state = TaskState.FAILED;
            broken.error = "component '" + componentName + "' is not defined";
            return broken;
        }
        TaskKind kind = component.hasDag()
                ? (task.hasParameterIterator() || task.hasArtifactIterator() ? TaskKind.LOOP : TaskKind.DAG)
                : executorKind(component.getExecutorLabel());
        Node node = new Node(id, parent, task, key, displayName(task, key), component, componentName, kind);
        node.parallelismLimit = task.getIteratorPolicy().getParallelismLimit();
        nodes.put(id, node);
        return node;
    }

    private static String displayName(PipelineTaskSpec task, String key) {
        return task.getTaskInfo().getName().isEmpty() ? key : task.getTaskInfo().getName();
    }

    private TaskKind executorKind(String label) {
        return pipeline.executor(label).filter(ExecutorSpec::hasImporter).isPresent() ? TaskKind.IMPORTER
                : TaskKind.CONTAINER;
    }

    private void startLoop(Node loop) {
        List<Object> items;
        try {
            items = LoopItems.of(loop.task, loop.inputParameters, loop.inputArtifacts);
        } catch (IllegalArgumentException e) {
            finish(loop, TaskState.FAILED, "loop items: " + e.getMessage());
            return;
        }
        String itemInput = loop.task.hasParameterIterator() ? loop.task.getParameterIterator().getItemInput()
                : loop.task.getArtifactIterator().getItemInput();
        loop.iterationCount = items.size();
        setState(loop, TaskState.RUNNING);
        for (int i = 0; i < items.size(); i++) {
            Node iteration = new Node(loop.id + "/iteration-" + i, loop, loop.task, loop.taskName,
                    loop.displayName + "-iteration-" + i, loop.component, loop.componentName, TaskKind.ITERATION);
            iteration.iterationIndex = i;
            iteration.inputParameters.putAll(loop.inputParameters);
            iteration.inputArtifacts.putAll(loop.inputArtifacts);
            Object item = items.get(i);
            if (item instanceof RuntimeArtifact artifact) {
                iteration.inputArtifacts.put(itemInput, List.of(artifact));
            } else {
                iteration.inputParameters.put(itemInput, (Value) item);
            }
            nodes.put(iteration.id, iteration);
            loop.children.put(iteration.id, iteration);
            publish(iteration);
        }
    }

    private void runImporter(Node node) {
        setState(node, TaskState.RUNNING);
        ExecutorSpec executor = pipeline.executor(node.component.getExecutorLabel()).orElseThrow();
        try {
            RuntimeArtifact artifact = Importers.artifact(executor.getImporter(), node.inputParameters,
                    SystemPlaceholders.of(run, node.displayName, node.uuid));
            node.outputArtifacts.put(Importers.OUTPUT_KEY, List.of(artifact));
            finish(node, TaskState.SUCCEEDED, null);
        } catch (IllegalArgumentException e) {
            finish(node, TaskState.FAILED, "importer: " + e.getMessage());
        }
    }

    private void launch(Node node) {
        ExecutorSpec executor = pipeline.executor(node.component.getExecutorLabel()).orElse(null);
        if (executor == null || !executor.hasContainer()) {
            finish(node, TaskState.FAILED, "executor '" + node.component.getExecutorLabel()
                    + "' is not a container in deploymentSpec.executors");
            advance();
            return;
        }
        pending.add(new EngineCommand.LaunchExecutor(new ExecutorTask(node.id, node.taskName, node.displayName,
                node.uuid, node.componentName, node.component.getExecutorLabel(), executor.getContainer(),
                node.component, node.inputParameters, node.inputArtifacts, node.task.getCachingOptions(),
                pipeline.kubernetesConfig(node.component.getExecutorLabel()), node.attempt, run.taskTimeout())));
    }

    private void failOrRetry(Node node, String error) {
        RetryPolicy policy = node.task.getRetryPolicy();
        if (!cancelRequested && node.attempt <= policy.getMaxRetryCount()) {
            Duration delay = retryDelay(policy, node.attempt - 1);
            node.attempt++;
            node.awaitingRetry = true;
            node.error = error;
            publish(node);
            pending.add(new EngineCommand.ScheduleRetry(node.id, node.attempt, delay));
        } else {
            finish(node, TaskState.FAILED, error);
        }
    }

    /** Delay before retry n (0-based): min(backoffDuration * factor^n, backoffMaxDuration), kfp.local's rule. */
    static Duration retryDelay(RetryPolicy policy, int retry) {
        double base = policy.getBackoffDuration().getSeconds() + policy.getBackoffDuration().getNanos() / 1e9;
        double factor = policy.getBackoffFactor() == 0 ? 2.0 : policy.getBackoffFactor();
        Duration max = policy.hasBackoffMaxDuration() && (policy.getBackoffMaxDuration().getSeconds() > 0
                || policy.getBackoffMaxDuration().getNanos() > 0)
                        ? Duration.ofSeconds(policy.getBackoffMaxDuration().getSeconds(),
                                policy.getBackoffMaxDuration().getNanos())
                        : DEFAULT_BACKOFF_MAX;
        double seconds = base * Math.pow(factor, retry);
        Duration delay = Double.isInfinite(seconds) || seconds > max.getSeconds() + 1 ? max
                : Duration.ofMillis(Math.round(seconds * 1000));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    // ---------------------------------------------------------------- completion

    private void completeGroup(Node group) {
        Optional<Node> failed = group.children.values().stream().filter(c -> c.state == TaskState.FAILED).findFirst()
                .or(() -> group.children.values().stream().filter(c -> c.state.isFailure()).findFirst());
        if (failed.isPresent()) {
            Node f = failed.get();
            finish(group, TaskState.FAILED, f.kind == TaskKind.CONTAINER || f.kind == TaskKind.IMPORTER
                    ? "task '" + f.displayName + "' failed: " + f.error
                    : f.error);
            return;
        }
        if (cancelRequested) {
            finish(group, TaskState.CANCELED, cancelReason());
            return;
        }
        collectDagOutputs(group);
        finish(group, TaskState.SUCCEEDED, null);
    }

    private void collectDagOutputs(Node group) {
        DagOutputsSpec outputs = group.component.getDag().getOutputs();
        outputs.getParametersMap().forEach((name, spec) -> {
            List<DagOutputsSpec.ParameterSelectorSpec> selectors = spec.hasValueFromParameter()
                    ? List.of(spec.getValueFromParameter())
                    : spec.getValueFromOneof().getParameterSelectorsList();
            for (DagOutputsSpec.ParameterSelectorSpec selector : selectors) {
                Node producer = group.children.get(selector.getProducerSubtask());
                if (producer != null && producer.state.hasOutputs()
                        && producer.outputParameters.containsKey(selector.getOutputParameterKey())) {
                    group.outputParameters.put(name, producer.outputParameters.get(selector.getOutputParameterKey()));
                    break;
                }
            }
        });
        outputs.getArtifactsMap().forEach((name, spec) -> {
            for (DagOutputsSpec.ArtifactSelectorSpec selector : spec.getArtifactSelectorsList()) {
                Node producer = group.children.get(selector.getProducerSubtask());
                if (producer != null && producer.state.hasOutputs()
                        && producer.outputArtifacts.containsKey(selector.getOutputArtifactKey())) {
                    group.outputArtifacts.put(name, producer.outputArtifacts.get(selector.getOutputArtifactKey()));
                    break;
                }
            }
        });
    }

    private void completeLoop(Node loop) {
        Optional<Node> failed = loop.children.values().stream().filter(c -> c.state.isFailure()).findFirst();
        if (failed.isPresent()) {
            finish(loop, TaskState.FAILED, failed.get().error);
            return;
        }
        if (cancelRequested) {
            finish(loop, TaskState.CANCELED, cancelReason());
            return;
        }
        // dsl.Collected: the list over iterations, in item order; artifact lists are flattened.
        DagOutputsSpec outputs = loop.component.getDag().getOutputs();
        for (String name : outputs.getParametersMap().keySet()) {
            List<Value> collected = loop.children.values().stream()
                    .filter(it -> it.outputParameters.containsKey(name))
                    .map(it -> it.outputParameters.get(name)).toList();
            loop.outputParameters.put(name, Values.list(collected));
        }
        for (String name : outputs.getArtifactsMap().keySet()) {
            List<RuntimeArtifact> collected = loop.children.values().stream()
                    .flatMap(it -> it.outputArtifacts.getOrDefault(name, List.of()).stream()).toList();
            loop.outputArtifacts.put(name, collected);
        }
        finish(loop, TaskState.SUCCEEDED, null);
    }

    // ---------------------------------------------------------------- state changes

    private void setState(Node node, TaskState state) {
        node.state = state;
        publish(node);
    }

    private void finish(Node node, TaskState state, String error) {
        node.state = state;
        node.error = error;
        node.awaitingRetry = false;
        publish(node);
    }

    private void publish(Node node) {
        pending.add(new EngineCommand.TaskChanged(node.snapshot()));
    }

    private void setRunState(RunState state, String error) {
        runState = state;
        if (error != null) {
            runError = error;
        }
        pending.add(new EngineCommand.RunChanged(state, state.isTerminal() ? runError : null));
    }

    /** One task of the run; mutable, owned by the interpreter. */
    private final class Node implements InputResolver.Sibling {
        final String id;
        final Node parent;
        final PipelineTaskSpec task;
        final String taskName;
        final String displayName;
        final ComponentSpec component;
        final String componentName;
        final TaskKind kind;
        final String uuid;
        /** Sibling tasks this one waits for (computed once: every scheduling pass asks). */
        final List<String> dependencies;
        final Map<String, Node> children = new LinkedHashMap<>();
        final Map<String, Value> inputParameters = new LinkedHashMap<>();
        final Map<String, List<RuntimeArtifact>> inputArtifacts = new LinkedHashMap<>();
        final Map<String, Value> outputParameters = new LinkedHashMap<>();
        final Map<String, List<RuntimeArtifact>> outputArtifacts = new LinkedHashMap<>();
        TaskState state = TaskState.PENDING;
        String error;
        int attempt;
        int parallelismLimit;
        int iterationIndex = -1;
        int iterationCount = -1;
        boolean awaitingRetry;

        Node(String id, Node parent, PipelineTaskSpec task, String taskName, String displayName,
                ComponentSpec component, String componentName, TaskKind kind) {
            this.id = id;
            this.parent = parent;
            this.task = task == null ? PipelineTaskSpec.getDefaultInstance() : task;
            this.dependencies = dependencies(this.task);
            this.taskName = taskName;
            this.displayName = displayName;
            this.component = component;
            this.componentName = componentName;
            this.kind = kind;
            this.uuid = UUID.nameUUIDFromBytes((run.runId() + "/" + id).getBytes(StandardCharsets.UTF_8)).toString();
        }

        TaskSnapshot snapshot() {
            return new TaskSnapshot(id, parent == null ? null : parent.id, taskName, displayName, uuid, kind,
                    componentName, component.getExecutorLabel(), state, attempt, iterationIndex, iterationCount,
                    inputParameters, inputArtifacts, outputParameters, outputArtifacts, error);
        }

        @Override
        public TaskState state() {
            return state;
        }

        @Override
        public Map<String, Value> outputParameters() {
            return outputParameters;
        }

        @Override
        public Map<String, List<RuntimeArtifact>> outputArtifacts() {
            return outputArtifacts;
        }

        @Override
        public Struct finalStatus() {
            Struct.Builder status = Struct.newBuilder()
                    .putFields("state", Values.of(state.mlmdState()))
                    .putFields("pipelineJobResourceName", Values.of(run.resourceName()))
                    .putFields("pipelineTaskName", Values.of(displayName));
            if (state != TaskState.SUCCEEDED && state != TaskState.CACHED) {
                status.putFields("error", Values.struct(Map.of(
                        "code", Values.of(state == TaskState.CANCELED ? 1 : 2),
                        "message", Values.of(error == null ? state.name() : error))));
            }
            return status.build();
        }
    }

    /** Every task node, for tests that want the raw list. */
    Collection<String> taskIds() {
        return nodes.keySet();
    }
}

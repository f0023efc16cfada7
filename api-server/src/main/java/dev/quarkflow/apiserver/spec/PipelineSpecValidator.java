package dev.quarkflow.apiserver.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.ComponentSpec;
import dev.quarkflow.proto.pipelinespec.DagOutputsSpec;
import dev.quarkflow.proto.pipelinespec.DagSpec;
import dev.quarkflow.proto.pipelinespec.PipelineSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec;
import dev.quarkflow.proto.pipelinespec.TaskInputsSpec;

/**
 * Checks that a parsed IR is a well-formed graph, which upstream leaves to run time: component references,
 * producer tasks and their outputs, parent inputs, iterator inputs, executor labels and dependency cycles. Pure;
 * returns every problem with the path it sits at, e.g. {@code root.dag.tasks.train.inputs.parameters.lr}.
 */
public final class PipelineSpecValidator {

    private final PipelineSpec spec;
    private final Set<String> executorLabels;
    private final List<FieldError> errors = new ArrayList<>();

    private PipelineSpecValidator(PipelineSpec spec) {
        this.spec = spec;
        Value executors = spec.getDeploymentSpec().getFieldsOrDefault("executors", Value.getDefaultInstance());
        this.executorLabels = executors.getStructValue().getFieldsMap().keySet();
    }

    public static List<FieldError> validate(PipelineSpec spec) {
        PipelineSpecValidator validator = new PipelineSpecValidator(spec);
        validator.component("root", spec.getRoot());
        spec.getComponentsMap().forEach((name, component) -> validator.component("components." + name, component));
        return List.copyOf(validator.errors);
    }

    private void component(String path, ComponentSpec component) {
        switch (component.getImplementationCase()) {
            case EXECUTOR_LABEL -> {
                if (!executorLabels.contains(component.getExecutorLabel())) {
                    error(path + ".executorLabel", "no executor \"" + component.getExecutorLabel()
                            + "\" in deploymentSpec.executors");
                }
            }
            case DAG -> dag(path, component, component.getDag());
            default -> error(path, "component has neither a dag nor an executorLabel");
        }
    }

    private void dag(String componentPath, ComponentSpec parent, DagSpec dag) {
        String path = componentPath + ".dag";
        dag.getTasksMap().forEach((name, task) -> task(path + ".tasks." + name, parent, dag, task));
        outputs(path + ".outputs", dag);
        cycles(path, dag);
    }

    private void task(String path, ComponentSpec parent, DagSpec dag, PipelineTaskSpec task) {
        String componentName = task.getComponentRef().getName();
        if (!spec.containsComponents(componentName)) {
            error(path + ".componentRef.name", "no component \"" + componentName + "\" in components");
        }
        for (String dependency : task.getDependentTasksList()) {
            if (!dag.containsTasks(dependency)) {
                error(path + ".dependentTasks", "no task \"" + dependency + "\" in this DAG");
            }
        }
        TaskInputsSpec inputs = task.getInputs();
        inputs.getParametersMap().forEach((name, input) -> {
            String inputPath = path + ".inputs.parameters." + name;
            switch (input.getKindCase()) {
                case TASK_OUTPUT_PARAMETER -> {
                    var producer = input.getTaskOutputParameter();
                    producerOutput(inputPath, dag, producer.getProducerTask(), producer.getOutputParameterKey(),
                            false);
                }
                case COMPONENT_INPUT_PARAMETER -> {
                    if (!parent.getInputDefinitions().containsParameters(input.getComponentInputParameter())) {
                        error(inputPath + ".componentInputParameter", "the enclosing component has no input"
                                + " parameter \"" + input.getComponentInputParameter() + "\"");
                    }
                }
                case TASK_FINAL_STATUS -> {
                    if (!dag.containsTasks(input.getTaskFinalStatus().getProducerTask())) {
                        error(inputPath + ".taskFinalStatus.producerTask",
                                "no task \"" + input.getTaskFinalStatus().getProducerTask() + "\" in this DAG");
                    }
                }
                default -> {
                    // runtime constants need no reference check
                }
            }
        });
        inputs.getArtifactsMap().forEach((name, input) -> {
            String inputPath = path + ".inputs.artifacts." + name;
            switch (input.getKindCase()) {
                case TASK_OUTPUT_ARTIFACT -> producerOutput(inputPath, dag,
                        input.getTaskOutputArtifact().getProducerTask(),
                        input.getTaskOutputArtifact().getOutputArtifactKey(), true);
                case COMPONENT_INPUT_ARTIFACT -> {
                    if (!parent.getInputDefinitions().containsArtifacts(input.getComponentInputArtifact())) {
                        error(inputPath + ".componentInputArtifact", "the enclosing component has no input"
                                + " artifact \"" + input.getComponentInputArtifact() + "\"");
                    }
                }
                default -> error(inputPath, "input artifact has no source");
            }
        });
        if (task.hasParameterIterator() && task.getParameterIterator().getItems().hasInputParameter()) {
            String input = task.getParameterIterator().getItems().getInputParameter();
            if (!inputs.containsParameters(input)) {
                error(path + ".parameterIterator.items.inputParameter", "the task has no input parameter \""
                        + input + "\"");
            }
        }
        if (task.hasArtifactIterator()) {
            String input = task.getArtifactIterator().getItems().getInputArtifact();
            if (!inputs.containsArtifacts(input)) {
                error(path + ".artifactIterator.items.inputArtifact", "the task has no input artifact \""
                        + input + "\"");
            }
        }
    }

    private void outputs(String path, DagSpec dag) {
        DagOutputsSpec outputs = dag.getOutputs();
        outputs.getParametersMap().forEach((name, output) -> {
            String outputPath = path + ".parameters." + name;
            switch (output.getKindCase()) {
                case VALUE_FROM_PARAMETER -> producerOutput(outputPath + ".valueFromParameter", dag,
                        output.getValueFromParameter().getProducerSubtask(),
                        output.getValueFromParameter().getOutputParameterKey(), false);
                case VALUE_FROM_ONEOF -> {
                    var selectors = output.getValueFromOneof().getParameterSelectorsList();
                    for (int i = 0; i < selectors.size(); i++) {
                        producerOutput(outputPath + ".valueFromOneof.parameterSelectors[" + i + "]", dag,
                                selectors.get(i).getProducerSubtask(), selectors.get(i).getOutputParameterKey(),
                                false);
                    }
                }
                default -> error(outputPath, "output parameter has no source");
            }
        });
        outputs.getArtifactsMap().forEach((name, output) -> {
            var selectors = output.getArtifactSelectorsList();
            for (int i = 0; i < selectors.size(); i++) {
                producerOutput(path + ".artifacts." + name + ".artifactSelectors[" + i + "]", dag,
                        selectors.get(i).getProducerSubtask(), selectors.get(i).getOutputArtifactKey(), true);
            }
        });
    }

    private void producerOutput(String path, DagSpec dag, String producer, String key, boolean artifact) {
        PipelineTaskSpec producerTask = dag.getTasksMap().get(producer);
        if (producerTask == null) {
            error(path, "no producer task \"" + producer + "\" in this DAG");
            return;
        }
        ComponentSpec component = spec.getComponentsMap().get(producerTask.getComponentRef().getName());
        if (component == null) {
            return; // reported at the producer's componentRef
        }
        boolean declared = artifact ? component.getOutputDefinitions().containsArtifacts(key)
                : component.getOutputDefinitions().containsParameters(key);
        if (!declared) {
            error(path, "task \"" + producer + "\" has no output " + (artifact ? "artifact" : "parameter") + " \""
                    + key + "\"");
        }
    }

    private void cycles(String path, DagSpec dag) {
        Map<String, Set<String>> upstream = new HashMap<>();
        dag.getTasksMap().forEach((name, task) -> upstream.put(name, upstreamOf(task)));
        Map<String, Integer> marks = new HashMap<>();
        for (String task : dag.getTasksMap().keySet()) {
            List<String> cycle = findCycle(task, upstream, marks, new ArrayList<>());
            if (!cycle.isEmpty()) {
                error(path + ".tasks." + cycle.get(0), "dependency cycle: " + String.join(" -> ", cycle));
                return;
            }
        }
    }

    /** Depth-first search; marks 1 = on the current path, 2 = done. Returns the cycle found, or empty. */
    private static List<String> findCycle(String task, Map<String, Set<String>> upstream, Map<String, Integer> marks,
            List<String> trail) {
        Integer mark = marks.get(task);
        if (mark != null && mark == 2) {
            return List.of();
        }
        if (mark != null) {
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(task), trail.size()));
            cycle.add(task);
            return cycle;
        }
        marks.put(task, 1);
        trail.add(task);
        for (String next : upstream.getOrDefault(task, Set.of())) {
            if (upstream.containsKey(next)) {
                List<String> cycle = findCycle(next, upstream, marks, trail);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        trail.remove(trail.size() - 1);
        marks.put(task, 2);
        return List.of();
    }

    private static Set<String> upstreamOf(PipelineTaskSpec task) {
        Set<String> upstream = new LinkedHashSet<>(task.getDependentTasksList());
        task.getInputs().getParametersMap().values().forEach(input -> {
            if (input.hasTaskOutputParameter()) {
                upstream.add(input.getTaskOutputParameter().getProducerTask());
            } else if (input.hasTaskFinalStatus()) {
                upstream.add(input.getTaskFinalStatus().getProducerTask());
            }
        });
        task.getInputs().getArtifactsMap().values().forEach(input -> {
            if (input.hasTaskOutputArtifact()) {
                upstream.add(input.getTaskOutputArtifact().getProducerTask());
            }
        });
        return upstream;
    }

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }
}

package dev.quarkflow.pipelineengine.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.ComponentInputsSpec;
import dev.quarkflow.proto.pipelinespec.ComponentSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;
import dev.quarkflow.proto.pipelinespec.TaskInputsSpec.InputArtifactSpec;
import dev.quarkflow.proto.pipelinespec.TaskInputsSpec.InputParameterSpec;

/**
 * Resolves a task's inputs inside its DAG (facts §7): parent inputs, sibling outputs, constants (with system
 * placeholders and f-string references to sibling inputs), final statuses, expression selectors, then the
 * component's defaults. Pure.
 */
final class InputResolver {

    /** What the resolver needs to know about another task of the same DAG. */
    interface Sibling {
        TaskState state();

        Map<String, Value> outputParameters();

        Map<String, List<RuntimeArtifact>> outputArtifacts();

        /** The {@code PipelineTaskFinalStatus} struct of this task. */
        Struct finalStatus();
    }

    record Resolved(Map<String, Value> parameters, Map<String, List<RuntimeArtifact>> artifacts) {
    }

    /** An input that has no value; {@code producerSkipped} when it was to come from a skipped task. */
    static final class UnresolvedInput extends RuntimeException {
        private final boolean producerSkipped;

        UnresolvedInput(String message, boolean producerSkipped) {
            super(message);
            this.producerSkipped = producerSkipped;
        }

        boolean producerSkipped() {
            return producerSkipped;
        }
    }

    private final Map<String, Value> parentParameters;
    private final Map<String, List<RuntimeArtifact>> parentArtifacts;
    private final Map<String, Sibling> siblings;
    private final SystemPlaceholders system;

    InputResolver(RunContext run, Map<String, Value> parentParameters,
            Map<String, List<RuntimeArtifact>> parentArtifacts, Map<String, Sibling> siblings,
            SystemPlaceholders system) {
        this.parentParameters = parentParameters;
        this.parentArtifacts = parentArtifacts;
        this.siblings = siblings;
        this.system = system;
    }

    /** The root DAG's inputs: run parameters over the pipeline's defaults; required ones must be given. */
    static Resolved rootInputs(ComponentSpec root, RunContext run) {
        Map<String, Value> parameters = new LinkedHashMap<>(run.parameters());
        Map<String, List<RuntimeArtifact>> artifacts = new LinkedHashMap<>(run.inputArtifacts());
        applyDefaults("pipeline", root.getInputDefinitions(), parameters, artifacts);
        return new Resolved(parameters, artifacts);
    }

    Resolved resolve(String taskName, PipelineTaskSpec task, ComponentSpec component) {
        Map<String, Value> parameters = new LinkedHashMap<>();
        Map<String, InputParameterSpec> constants = new LinkedHashMap<>();
        for (Map.Entry<String, InputParameterSpec> entry : task.getInputs().getParametersMap().entrySet()) {
            InputParameterSpec spec = entry.getValue();
            if (spec.hasRuntimeValue()) {
                constants.put(entry.getKey(), spec);
                continue;
            }
            Value value = parameter(taskName, entry.getKey(), spec, component);
            if (value != null) {
                parameters.put(entry.getKey(), select(entry.getKey(), spec, value));
            }
        }
        // Constants may embed {{$.inputs.parameters['x']}} of the other inputs: resolve them last.
        constants.forEach((name, spec) -> {
            Value constant = spec.getRuntimeValue().getConstant();
            if (constant.hasStringValue()) {
                String text = SystemPlaceholders.substituteInputs(system.substitute(constant.getStringValue()),
                        parameters);
                constant = Values.of(text);
            }
            parameters.put(name, select(name, spec, constant));
        });

        Map<String, List<RuntimeArtifact>> artifacts = new LinkedHashMap<>();
        for (Map.Entry<String, InputArtifactSpec> entry : task.getInputs().getArtifactsMap().entrySet()) {
            List<RuntimeArtifact> value = artifact(taskName, entry.getKey(), entry.getValue(), component);
            if (value != null) {
                artifacts.put(entry.getKey(), value);
            }
        }
        // A loop's item input gets its value per iteration.
        ComponentInputsSpec definitions = component.getInputDefinitions();
        String itemInput = task.hasParameterIterator() ? task.getParameterIterator().getItemInput()
                : task.getArtifactIterator().getItemInput();
        if (!itemInput.isEmpty()) {
            definitions = definitions.toBuilder().removeParameters(itemInput).removeArtifacts(itemInput).build();
        }
        applyDefaults("task '" + taskName + "'", definitions, parameters, artifacts);
        return new Resolved(parameters, artifacts);
    }

    private Value parameter(String taskName, String input, InputParameterSpec spec, ComponentSpec component) {
        switch (spec.getKindCase()) {
            case COMPONENT_INPUT_PARAMETER:
                return parentParameters.get(spec.getComponentInputParameter());
            case TASK_OUTPUT_PARAMETER: {
                var ref = spec.getTaskOutputParameter();
                Sibling producer = siblings.get(ref.getProducerTask());
                if (producer == null) {
                    throw new UnresolvedInput("input '" + input + "' of task '" + taskName
                            + "': no task '" + ref.getProducerTask() + "' in this DAG", false);
                }
                Value value = producer.outputParameters().get(ref.getOutputParameterKey());
                if (value == null && !isOptional(component, input)) {
                    boolean skipped = !producer.state().hasOutputs();
                    throw new UnresolvedInput("input '" + input + "' of task '" + taskName + "': task '"
                            + ref.getProducerTask() + "' has no output '" + ref.getOutputParameterKey() + "'"
                            + (skipped ? " (it did not run)" : ""), skipped);
                }
                return value;
            }
            case TASK_FINAL_STATUS: {
                Sibling producer = siblings.get(spec.getTaskFinalStatus().getProducerTask());
                if (producer == null) {
                    throw new UnresolvedInput("input '" + input + "' of task '" + taskName + "': no task '"
                            + spec.getTaskFinalStatus().getProducerTask() + "' in this DAG", false);
                }
                return Value.newBuilder().setStructValue(producer.finalStatus()).build();
            }
            default:
                throw new UnresolvedInput("input '" + input + "' of task '" + taskName + "' has no source", false);
        }
    }

    private static Value select(String input, InputParameterSpec spec, Value value) {
        String selector = spec.getParameterExpressionSelector();
        if (selector.isEmpty()) {
            return value;
        }
        Object raw = Values.toJava(value);
        String asString = value.hasStringValue() ? value.getStringValue() : Values.json(value);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("string_value", asString);
        variables.put("number_value", value.hasNumberValue() ? raw : null);
        variables.put("bool_value", value.hasBoolValue() ? raw : null);
        variables.put("list_value", value.hasListValue() ? raw : null);
        variables.put("struct_value", value.hasStructValue() ? raw : null);
        try {
            return Values.fromJava(CelExpression.parse(selector).evaluate(variables));
        } catch (CelExpression.CelException e) {
            throw new UnresolvedInput("input '" + input + "': selector " + selector + ": " + e.getMessage(), false);
        }
    }

    private List<RuntimeArtifact> artifact(String taskName, String input, InputArtifactSpec spec,
            ComponentSpec component) {
        if (spec.hasComponentInputArtifact()) {
            return parentArtifacts.get(spec.getComponentInputArtifact());
        }
        var ref = spec.getTaskOutputArtifact();
        Sibling producer = siblings.get(ref.getProducerTask());
        if (producer == null) {
            throw new UnresolvedInput("input '" + input + "' of task '" + taskName + "': no task '"
                    + ref.getProducerTask() + "' in this DAG", false);
        }
        List<RuntimeArtifact> value = producer.outputArtifacts().get(ref.getOutputArtifactKey());
        if (value == null && !component.getInputDefinitions().getArtifactsOrDefault(input,
                ComponentInputsSpec.ArtifactSpec.getDefaultInstance()).getIsOptional()) {
            boolean skipped = !producer.state().hasOutputs();
            throw new UnresolvedInput("input artifact '" + input + "' of task '" + taskName + "': task '"
                    + ref.getProducerTask() + "' has no output '" + ref.getOutputArtifactKey() + "'"
                    + (skipped ? " (it did not run)" : ""), skipped);
        }
        return value;
    }

    private static boolean isOptional(ComponentSpec component, String input) {
        ComponentInputsSpec.ParameterSpec spec = component.getInputDefinitions().getParametersMap().get(input);
        return spec != null && (spec.getIsOptional() || spec.hasDefaultValue());
    }

    private static void applyDefaults(String owner, ComponentInputsSpec definitions, Map<String, Value> parameters,
            Map<String, List<RuntimeArtifact>> artifacts) {
        definitions.getParametersMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (parameters.containsKey(e.getKey())) {
                return;
            }
            if (e.getValue().hasDefaultValue()) {
                parameters.put(e.getKey(), e.getValue().getDefaultValue());
            } else if (!e.getValue().getIsOptional()) {
                throw new UnresolvedInput(owner + ": parameter '" + e.getKey()
                        + "' is not optional, yet has neither default value nor user provided value", false);
            }
        });
        definitions.getArtifactsMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!artifacts.containsKey(e.getKey()) && !e.getValue().getIsOptional()) {
                throw new UnresolvedInput(owner + ": input artifact '" + e.getKey() + "' has no value", false);
            }
        });
    }
}

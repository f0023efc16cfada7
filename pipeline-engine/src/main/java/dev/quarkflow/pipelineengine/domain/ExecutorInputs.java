package dev.quarkflow.pipelineengine.domain;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.quarkflow.proto.pipelinespec.ArtifactList;
import dev.quarkflow.proto.pipelinespec.ComponentOutputsSpec;
import dev.quarkflow.proto.pipelinespec.ExecutorInput;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Builds the {@link ExecutorInput} of a container task as upstream's launcher does: resolved input parameters and
 * artifacts, one output artifact per declared output with a URI under the task's root, one output file per
 * output parameter, and the executor output file.
 */
public final class ExecutorInputs {

    /** Name of the executor output file in a task's root (kfp.local's name). */
    public static final String EXECUTOR_OUTPUT_FILE = "executor_output.json";
    /** Folder of a task's root holding the output parameter files. */
    public static final String PARAMETER_FOLDER = ".outputs";

    private ExecutorInputs() {
    }

    /**
     * @param taskRootUri the URI of the task's (and iteration's) own folder under the run root
     * @param localPath maps a URI to a local path
     */
    public static ExecutorInput build(ExecutorTask task, String taskRootUri, UnaryOperator<String> localPath) {
        ExecutorInput.Inputs.Builder inputs = ExecutorInput.Inputs.newBuilder()
                .putAllParameterValues(task.inputParameters());
        task.inputArtifacts().forEach((name, artifacts) -> inputs.putArtifacts(name, list(artifacts)));

        String taskRoot = localPath.apply(taskRootUri);
        ExecutorInput.Outputs.Builder outputs = ExecutorInput.Outputs.newBuilder()
                .setOutputFile(taskRoot + "/" + EXECUTOR_OUTPUT_FILE);
        ComponentOutputsSpec declared = task.component().getOutputDefinitions();
        declared.getParametersMap().keySet().stream().sorted().forEach(name -> outputs.putParameters(name,
                ExecutorInput.OutputParameter.newBuilder()
                        .setOutputFile(taskRoot + "/" + PARAMETER_FOLDER + "/" + name).build()));
        declared.getArtifactsMap().forEach((name, spec) -> outputs.putArtifacts(name, list(List.of(
                RuntimeArtifact.newBuilder()
                        .setName(name)
                        .setType(spec.getArtifactType())
                        .setUri(taskRootUri + "/" + name)
                        .setMetadata(spec.getMetadata())
                        .build()))));
        return ExecutorInput.newBuilder().setInputs(inputs).setOutputs(outputs).build();
    }

    private static ArtifactList list(List<RuntimeArtifact> artifacts) {
        return ArtifactList.newBuilder().addAllArtifacts(artifacts).build();
    }

    /** The output artifacts an executor input declares, by name. */
    public static Map<String, List<RuntimeArtifact>> declaredOutputArtifacts(ExecutorInput input) {
        return input.getOutputs().getArtifactsMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getArtifactsList()));
    }
}

package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

/** Katib's {@code NasConfig}: the graph shape and the candidate operations with their parameter spaces. */
public record NasConfig(int numLayers, List<Integer> inputSizes, List<Integer> outputSizes,
        List<Operation> operations) {

    public NasConfig {
        inputSizes = List.copyOf(inputSizes);
        outputSizes = List.copyOf(outputSizes);
        operations = List.copyOf(operations);
    }

    public record Operation(String operationType, List<ParameterDef> parameters) {
        public Operation {
            parameters = List.copyOf(parameters);
        }
    }
}

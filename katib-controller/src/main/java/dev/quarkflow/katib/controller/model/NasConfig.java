package dev.quarkflow.katib.controller.model;

import java.util.List;

/** {@code spec.nasConfig}: the neural-architecture search space (enas, darts). */
public class NasConfig extends Extensible {
    public GraphConfig graphConfig;
    public List<Operation> operations;

    public static class GraphConfig extends Extensible {
        public Integer numLayers;
        public List<Integer> inputSizes;
        public List<Integer> outputSizes;
    }

    public static class Operation extends Extensible {
        public String operationType;
        public List<ParameterSpec> parameters;
    }
}

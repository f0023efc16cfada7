package dev.quarkflow.katib.controller.model;

import java.util.List;

/** {@code Experiment.spec}: upstream's ExperimentSpec. */
public class ExperimentSpec extends Extensible {
    public List<ParameterSpec> parameters;
    public ObjectiveSpec objective;
    public AlgorithmSpec algorithm;
    public AlgorithmSpec earlyStopping;
    public TrialTemplate trialTemplate;
    public Integer parallelTrialCount;
    public Integer maxTrialCount;
    public Integer maxFailedTrialCount;
    public MetricsCollectorSpec metricsCollectorSpec;
    public NasConfig nasConfig;
    public String resumePolicy;

    public List<ParameterSpec> parametersOrEmpty() {
        return parameters == null ? List.of() : parameters;
    }
}

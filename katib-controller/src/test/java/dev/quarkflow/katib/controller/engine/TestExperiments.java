package dev.quarkflow.katib.controller.engine;

import dev.quarkflow.katib.controller.model.Experiment;

/** A small valid experiment to vary in tests. */
final class TestExperiments {

    static final String RANDOM = """
            apiVersion: kubeflow.org/v1beta1
            kind: Experiment
            metadata:
              name: demo
              namespace: team
            spec:
              objective:
                type: minimize
                goal: 0.1
                objectiveMetricName: loss
                additionalMetricNames: [accuracy]
              algorithm:
                algorithmName: random
              parallelTrialCount: 2
              maxTrialCount: 4
              maxFailedTrialCount: 2
              parameters:
                - name: lr
                  parameterType: double
                  feasibleSpace: {min: "0.01", max: "0.1"}
                - name: layers
                  parameterType: int
                  feasibleSpace: {min: "1", max: "3"}
              trialTemplate:
                primaryContainerName: train
                trialParameters:
                  - name: learningRate
                    reference: lr
                  - name: numLayers
                    reference: layers
                  - name: trialName
                    reference: ${trialSpec.Name}
                trialSpec:
                  apiVersion: batch/v1
                  kind: Job
                  spec:
                    template:
                      spec:
                        containers:
                          - name: train
                            image: ignored
                            command: [python3, train.py, "--lr=${trialParameters.learningRate}",
                                      "--layers=${trialParameters.numLayers}", "--name=${trialParameters.trialName}"]
                        restartPolicy: Never
            """;

    private TestExperiments() {
    }

    static Experiment defaulted() {
        return ExperimentDefaults.apply(ExperimentReader.read(RANDOM));
    }

    static Experiment defaulted(String yaml) {
        return ExperimentDefaults.apply(ExperimentReader.read(yaml));
    }
}

package dev.quarkflow.katib.suggestion.grpc;

import java.util.List;
import java.util.Map;

import dev.quarkflow.proto.katib.AlgorithmSetting;
import dev.quarkflow.proto.katib.AlgorithmSpec;
import dev.quarkflow.proto.katib.Experiment;
import dev.quarkflow.proto.katib.ExperimentSpec;
import dev.quarkflow.proto.katib.FeasibleSpace;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.ObjectiveSpec;
import dev.quarkflow.proto.katib.ObjectiveType;
import dev.quarkflow.proto.katib.Observation;
import dev.quarkflow.proto.katib.ParameterAssignment;
import dev.quarkflow.proto.katib.ParameterSpec;
import dev.quarkflow.proto.katib.ParameterType;
import dev.quarkflow.proto.katib.Trial;
import dev.quarkflow.proto.katib.TrialSpec;
import dev.quarkflow.proto.katib.TrialStatus;

/** Proto requests as Katib's controller builds them. */
final class KatibProtos {

    private KatibProtos() {
    }

    static ParameterSpec range(String name, ParameterType type, String min, String max) {
        return ParameterSpec.newBuilder().setName(name).setParameterType(type)
                .setFeasibleSpace(FeasibleSpace.newBuilder().setMin(min).setMax(max)).build();
    }

    static ParameterSpec list(String name, ParameterType type, String... values) {
        return ParameterSpec.newBuilder().setName(name).setParameterType(type)
                .setFeasibleSpace(FeasibleSpace.newBuilder().addAllList(List.of(values))).build();
    }

    static Experiment experiment(String algorithm, List<ParameterSpec> parameters, Map<String, String> settings,
            int maxTrialCount) {
        AlgorithmSpec.Builder spec = AlgorithmSpec.newBuilder().setAlgorithmName(algorithm);
        settings.forEach((k, v) -> spec.addAlgorithmSettings(AlgorithmSetting.newBuilder().setName(k).setValue(v)));
        return Experiment.newBuilder().setName("exp").setSpec(ExperimentSpec.newBuilder()
                .setParameterSpecs(ExperimentSpec.ParameterSpecs.newBuilder().addAllParameters(parameters))
                .setObjective(ObjectiveSpec.newBuilder().setType(ObjectiveType.MAXIMIZE)
                        .setObjectiveMetricName("accuracy").addAdditionalMetricNames("loss"))
                .setAlgorithm(spec).setParallelTrialCount(2).setMaxTrialCount(maxTrialCount)).build();
    }

    static Trial trial(String name, Map<String, String> assignments, TrialStatus.TrialConditionType condition,
            String accuracy) {
        TrialSpec.ParameterAssignments.Builder pa = TrialSpec.ParameterAssignments.newBuilder();
        assignments.forEach((k, v) -> pa.addAssignments(ParameterAssignment.newBuilder().setName(k).setValue(v)));
        return Trial.newBuilder().setName(name).setSpec(TrialSpec.newBuilder().setParameterAssignments(pa))
                .setStatus(TrialStatus.newBuilder().setCondition(condition).setObservation(Observation.newBuilder()
                        .addMetrics(Metric.newBuilder().setName("loss").setValue("0.3"))
                        .addMetrics(Metric.newBuilder().setName("accuracy").setValue(accuracy))))
                .build();
    }

    static GetSuggestionsRequest request(Experiment experiment, List<Trial> trials, int count) {
        return GetSuggestionsRequest.newBuilder().setExperiment(experiment).addAllTrials(trials)
                .setCurrentRequestNumber(count).setTotalRequestNumber(trials.size() + count).build();
    }
}

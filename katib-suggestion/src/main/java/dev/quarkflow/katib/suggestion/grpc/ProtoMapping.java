package dev.quarkflow.katib.suggestion.grpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.NasConfig;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Scale;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;
import dev.quarkflow.proto.katib.AlgorithmSetting;
import dev.quarkflow.proto.katib.AlgorithmSpec;
import dev.quarkflow.proto.katib.EarlyStoppingSetting;
import dev.quarkflow.proto.katib.Experiment;
import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.ObjectiveType;
import dev.quarkflow.proto.katib.Operation;
import dev.quarkflow.proto.katib.ParameterAssignment;
import dev.quarkflow.proto.katib.ParameterSpec;
import dev.quarkflow.proto.katib.Trial;

/** Proto messages of {@code api.v1.beta1} to domain values and back; nothing else. */
public final class ProtoMapping {

    private ProtoMapping() {
    }

    public static ExperimentDef experiment(Experiment experiment) {
        var spec = experiment.getSpec();
        List<ParameterDef> parameters = spec.getParameterSpecs().getParametersList().stream()
                .map(ProtoMapping::parameter).toList();
        Goal goal = spec.getObjective().getType() == ObjectiveType.MAXIMIZE ? Goal.MAXIMIZE : Goal.MINIMIZE;
        Map<String, String> settings = new LinkedHashMap<>();
        for (AlgorithmSetting s : spec.getAlgorithm().getAlgorithmSettingsList()) {
            settings.put(s.getName(), s.getValue());
        }
        NasConfig nas = spec.hasNasConfig() ? nas(spec.getNasConfig()) : null;
        return new ExperimentDef(experiment.getName(), parameters, goal,
                spec.getObjective().getObjectiveMetricName(), spec.getAlgorithm().getAlgorithmName(),
                new Settings(settings), spec.getParallelTrialCount(), spec.getMaxTrialCount(), nas);
    }

    static ParameterDef parameter(ParameterSpec p) {
        var space = p.getFeasibleSpace();
        ParameterKind kind = switch (p.getParameterType()) {
            case DOUBLE -> ParameterKind.DOUBLE;
            case INT -> ParameterKind.INT;
            case DISCRETE -> ParameterKind.DISCRETE;
            case CATEGORICAL -> ParameterKind.CATEGORICAL;
            default -> throw QuarkflowException.invalidArgument(
                    "experiment.spec.parameter_specs.parameters[" + p.getName() + "].parameter_type",
                    "parameter " + p.getName() + " has unknown type " + p.getParameterType());
        };
        Scale scale = switch (space.getDistribution()) {
            case LOG_UNIFORM -> Scale.LOG_UNIFORM;
            case NORMAL -> Scale.NORMAL;
            case LOG_NORMAL -> Scale.LOG_NORMAL;
            default -> Scale.UNIFORM;
        };
        return new ParameterDef(p.getName(), kind, space.getMin(), space.getMax(), space.getStep(),
                space.getListList(), scale);
    }

    static NasConfig nas(dev.quarkflow.proto.katib.NasConfig nas) {
        var graph = nas.getGraphConfig();
        List<NasConfig.Operation> operations = nas.getOperations().getOperationList().stream()
                .map(ProtoMapping::operation).toList();
        return new NasConfig(graph.getNumLayers(), graph.getInputSizesList(), graph.getOutputSizesList(),
                operations);
    }

    private static NasConfig.Operation operation(Operation op) {
        return new NasConfig.Operation(op.getOperationType(),
                op.getParameterSpecs().getParametersList().stream().map(ProtoMapping::parameter).toList());
    }

    public static TrialDef trial(Trial trial) {
        Map<String, String> assignments = new LinkedHashMap<>();
        for (ParameterAssignment a : trial.getSpec().getParameterAssignments().getAssignmentsList()) {
            assignments.put(a.getName(), a.getValue());
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (Metric m : trial.getStatus().getObservation().getMetricsList()) {
            // Katib sends one value per metric; a repeated name keeps the last.
            metrics.put(m.getName(), m.getValue());
        }
        TrialState state = switch (trial.getStatus().getCondition()) {
            case CREATED -> TrialState.CREATED;
            case RUNNING -> TrialState.RUNNING;
            case SUCCEEDED -> TrialState.SUCCEEDED;
            case KILLED -> TrialState.KILLED;
            case FAILED -> TrialState.FAILED;
            case METRICSUNAVAILABLE -> TrialState.METRICSUNAVAILABLE;
            case EARLYSTOPPED -> TrialState.EARLYSTOPPED;
            default -> TrialState.UNKNOWN;
        };
        return new TrialDef(trial.getName(), assignments, trial.getSpec().getLabelsMap(), state,
                trial.getStatus().getStartTime(), trial.getStatus().getCompletionTime(), metrics);
    }

    public static Settings earlyStoppingSettings(List<EarlyStoppingSetting> settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (EarlyStoppingSetting s : settings) {
            map.put(s.getName(), s.getValue());
        }
        return new Settings(map);
    }

    public static GetSuggestionsReply reply(SuggestionResult result) {
        GetSuggestionsReply.Builder reply = GetSuggestionsReply.newBuilder();
        for (Suggestion s : result.suggestions()) {
            var assignments = GetSuggestionsReply.ParameterAssignments.newBuilder()
                    .setTrialName(s.trialName()).putAllLabels(s.labels());
            s.assignments().forEach((name, value) -> assignments
                    .addAssignments(ParameterAssignment.newBuilder().setName(name).setValue(value)));
            reply.addParameterAssignments(assignments);
        }
        result.algorithmSettings().ifPresent(settings -> {
            AlgorithmSpec.Builder algorithm = AlgorithmSpec.newBuilder();
            settings.values().forEach((name, value) -> algorithm
                    .addAlgorithmSettings(AlgorithmSetting.newBuilder().setName(name).setValue(value)));
            reply.setAlgorithm(algorithm);
        });
        return reply.build();
    }
}

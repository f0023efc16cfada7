package dev.quarkflow.katib.controller.suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.engine.TrialStates;
import dev.quarkflow.katib.controller.metrics.ObservationCalculator;
import dev.quarkflow.katib.controller.model.AlgorithmSpec;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.NasConfig;
import dev.quarkflow.katib.controller.model.ObjectiveSpec;
import dev.quarkflow.katib.controller.model.ParameterSpec;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.proto.katib.AlgorithmSetting;
import dev.quarkflow.proto.katib.Distribution;
import dev.quarkflow.proto.katib.EarlyStoppingSetting;
import dev.quarkflow.proto.katib.EarlyStoppingSpec;
import dev.quarkflow.proto.katib.ExperimentSpec;
import dev.quarkflow.proto.katib.FeasibleSpace;
import dev.quarkflow.proto.katib.GraphConfig;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.ObjectiveType;
import dev.quarkflow.proto.katib.Observation;
import dev.quarkflow.proto.katib.Operation;
import dev.quarkflow.proto.katib.ParameterAssignment;
import dev.quarkflow.proto.katib.ParameterType;
import dev.quarkflow.proto.katib.TrialSpec;
import dev.quarkflow.proto.katib.TrialStatus;

/** Experiment and Trials in the {@code api.v1.beta1} wire form, as upstream's suggestion client converts them. */
public final class ProtoMapper {

    private ProtoMapper() {
    }

    /** @param suggestionSettings settings the algorithm service echoed back earlier; they override the experiment's */
    public static dev.quarkflow.proto.katib.Experiment experiment(Experiment experiment,
            List<AlgorithmSpec.Setting> suggestionSettings) {
        ObjectiveSpec objective = experiment.spec.objective;
        dev.quarkflow.proto.katib.ObjectiveSpec.Builder objectiveProto = objective(objective);
        ExperimentSpec.Builder spec = ExperimentSpec.newBuilder()
                .setAlgorithm(dev.quarkflow.proto.katib.AlgorithmSpec.newBuilder()
                        .setAlgorithmName(nonNull(experiment.spec.algorithm.algorithmName))
                        .addAllAlgorithmSettings(algorithmSettings(experiment.spec.algorithm, suggestionSettings)))
                .setObjective(objectiveProto)
                .setParameterSpecs(ExperimentSpec.ParameterSpecs.newBuilder()
                        .addAllParameters(parameters(experiment.spec.parametersOrEmpty())));
        if (experiment.spec.nasConfig != null) {
            spec.setNasConfig(nasConfig(experiment.spec.nasConfig));
        }
        if (experiment.spec.parallelTrialCount != null) {
            spec.setParallelTrialCount(experiment.spec.parallelTrialCount);
        }
        if (experiment.spec.maxTrialCount != null) {
            spec.setMaxTrialCount(experiment.spec.maxTrialCount);
        }
        if (experiment.spec.earlyStopping != null) {
            EarlyStoppingSpec.Builder earlyStopping = EarlyStoppingSpec.newBuilder()
                    .setAlgorithmName(nonNull(experiment.spec.earlyStopping.algorithmName));
            experiment.spec.earlyStopping.algorithmSettingsOrEmpty().forEach(s -> earlyStopping
                    .addAlgorithmSettings(EarlyStoppingSetting.newBuilder().setName(nonNull(s.name))
                            .setValue(nonNull(s.value))));
            spec.setEarlyStopping(earlyStopping);
        }
        return dev.quarkflow.proto.katib.Experiment.newBuilder().setName(nonNull(experiment.name())).setSpec(spec)
                .build();
    }

    /**
     * Trials as upstream sends them: MetricsUnavailable trials and early-stopped trials without an observation are
     * left out; the condition is the type of the trial's last condition; metrics carry their strategy's value.
     */
    public static List<dev.quarkflow.proto.katib.Trial> trials(List<Trial> trials) {
        List<dev.quarkflow.proto.katib.Trial> result = new ArrayList<>();
        for (Trial trial : trials) {
            if (TrialStates.isMetricsUnavailable(trial)
                    || (TrialStates.isEarlyStopped(trial) && !TrialStates.isObservationAvailable(trial))) {
                continue;
            }
            TrialSpec.Builder spec = TrialSpec.newBuilder().setObjective(objective(trial.spec.objective))
                    .setParameterAssignments(TrialSpec.ParameterAssignments.newBuilder().addAllAssignments(
                            trial.spec.parameterAssignments == null ? List.of()
                                    : trial.spec.parameterAssignments.stream()
                                            .map(a -> ParameterAssignment.newBuilder().setName(nonNull(a.name))
                                                    .setValue(nonNull(a.value)).build())
                                            .toList()));
            if (trial.spec.labels != null) {
                spec.putAllLabels(trial.spec.labels);
            }
            TrialStatus.Builder status = TrialStatus.newBuilder()
                    .setStartTime(nonNull(trial.status.startTime))
                    .setCompletionTime(nonNull(trial.status.completionTime))
                    .setObservation(observation(trial));
            String last = TrialStates.lastConditionType(trial);
            if (last != null) {
                status.setCondition(condition(last));
            }
            result.add(dev.quarkflow.proto.katib.Trial.newBuilder().setName(trial.name()).setSpec(spec)
                    .setStatus(status).build());
        }
        return result;
    }

    private static Observation observation(Trial trial) {
        Observation.Builder observation = Observation.newBuilder();
        if (trial.status.observation != null && trial.status.observation.metrics != null) {
            for (dev.quarkflow.katib.controller.model.Observation.Metric metric : trial.status.observation.metrics) {
                String strategy = ObservationCalculator.strategyOf(trial.spec.objective, metric.name);
                observation.addMetrics(Metric.newBuilder().setName(nonNull(metric.name))
                        .setValue(nonNull(ObservationCalculator.strategyValue(metric, strategy))));
            }
        }
        return observation.build();
    }

    private static TrialStatus.TrialConditionType condition(String type) {
        return switch (type) {
            case KatibNames.CREATED -> TrialStatus.TrialConditionType.CREATED;
            case KatibNames.RUNNING -> TrialStatus.TrialConditionType.RUNNING;
            case KatibNames.SUCCEEDED -> TrialStatus.TrialConditionType.SUCCEEDED;
            case KatibNames.KILLED -> TrialStatus.TrialConditionType.KILLED;
            case KatibNames.FAILED -> TrialStatus.TrialConditionType.FAILED;
            case KatibNames.EARLY_STOPPED -> TrialStatus.TrialConditionType.EARLYSTOPPED;
            default -> TrialStatus.TrialConditionType.UNKNOWN;
        };
    }

    private static dev.quarkflow.proto.katib.ObjectiveSpec.Builder objective(ObjectiveSpec objective) {
        dev.quarkflow.proto.katib.ObjectiveSpec.Builder builder = dev.quarkflow.proto.katib.ObjectiveSpec.newBuilder()
                .setType(ObjectiveSpec.MAXIMIZE.equals(objective.type) ? ObjectiveType.MAXIMIZE
                        : ObjectiveSpec.MINIMIZE.equals(objective.type) ? ObjectiveType.MINIMIZE
                                : ObjectiveType.UNKNOWN)
                .setObjectiveMetricName(nonNull(objective.objectiveMetricName))
                .addAllAdditionalMetricNames(objective.additionalMetricNamesOrEmpty());
        if (objective.goal != null) {
            builder.setGoal(objective.goal);
        }
        return builder;
    }

    private static List<AlgorithmSetting> algorithmSettings(AlgorithmSpec algorithm,
            List<AlgorithmSpec.Setting> fromSuggestion) {
        // upstream: settings echoed by the service replace same-named ones, new names are appended
        List<AlgorithmSpec.Setting> merged = new ArrayList<>();
        algorithm.algorithmSettingsOrEmpty().forEach(s -> merged.add(new AlgorithmSpec.Setting(s.name, s.value)));
        for (AlgorithmSpec.Setting echoed : fromSuggestion == null ? List.<AlgorithmSpec.Setting> of()
                : fromSuggestion) {
            merged.stream().filter(s -> s.name.equals(echoed.name)).findFirst()
                    .ifPresentOrElse(s -> s.value = echoed.value,
                            () -> merged.add(new AlgorithmSpec.Setting(echoed.name, echoed.value)));
        }
        return merged.stream().map(s -> AlgorithmSetting.newBuilder().setName(nonNull(s.name))
                .setValue(nonNull(s.value)).build()).toList();
    }

    static List<dev.quarkflow.proto.katib.ParameterSpec> parameters(List<ParameterSpec> parameters) {
        return parameters.stream().map(p -> {
            ParameterSpec.FeasibleSpace space = p.feasibleSpace == null ? new ParameterSpec.FeasibleSpace()
                    : p.feasibleSpace;
            FeasibleSpace.Builder feasible = FeasibleSpace.newBuilder().setMax(nonNull(space.max))
                    .setMin(nonNull(space.min)).setStep(nonNull(space.step))
                    .setDistribution(distribution(space.distribution));
            if (space.list != null) {
                feasible.addAllList(space.list);
            }
            return dev.quarkflow.proto.katib.ParameterSpec.newBuilder().setName(nonNull(p.name))
                    .setParameterType(parameterType(p.parameterType)).setFeasibleSpace(feasible).build();
        }).toList();
    }

    private static dev.quarkflow.proto.katib.NasConfig nasConfig(NasConfig nas) {
        dev.quarkflow.proto.katib.NasConfig.Builder builder = dev.quarkflow.proto.katib.NasConfig.newBuilder();
        if (nas.graphConfig != null) {
            GraphConfig.Builder graph = GraphConfig.newBuilder();
            if (nas.graphConfig.numLayers != null) {
                graph.setNumLayers(nas.graphConfig.numLayers);
            }
            if (nas.graphConfig.inputSizes != null) {
                graph.addAllInputSizes(nas.graphConfig.inputSizes);
            }
            if (nas.graphConfig.outputSizes != null) {
                graph.addAllOutputSizes(nas.graphConfig.outputSizes);
            }
            builder.setGraphConfig(graph);
        }
        dev.quarkflow.proto.katib.NasConfig.Operations.Builder operations = dev.quarkflow.proto.katib.NasConfig.Operations
                .newBuilder();
        if (nas.operations != null) {
            for (NasConfig.Operation operation : nas.operations) {
                operations.addOperation(Operation.newBuilder().setOperationType(nonNull(operation.operationType))
                        .setParameterSpecs(Operation.ParameterSpecs.newBuilder().addAllParameters(
                                parameters(operation.parameters == null ? List.of() : operation.parameters))));
            }
        }
        return builder.setOperations(operations).build();
    }

    private static ParameterType parameterType(String type) {
        return switch (type == null ? "" : type) {
            case "discrete" -> ParameterType.DISCRETE;
            case "categorical" -> ParameterType.CATEGORICAL;
            case "double" -> ParameterType.DOUBLE;
            case "int" -> ParameterType.INT;
            default -> ParameterType.UNKNOWN_TYPE;
        };
    }

    private static Distribution distribution(String distribution) {
        return switch (distribution == null ? "" : distribution) {
            case "uniform" -> Distribution.UNIFORM;
            case "logUniform" -> Distribution.LOG_UNIFORM;
            case "normal" -> Distribution.NORMAL;
            case "logNormal" -> Distribution.LOG_NORMAL;
            default -> Distribution.DISTRIBUTION_UNSPECIFIED;
        };
    }

    static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static Map<String, String> labelsOrNull(Map<String, String> labels) {
        return labels == null || labels.isEmpty() ? null : labels;
    }
}

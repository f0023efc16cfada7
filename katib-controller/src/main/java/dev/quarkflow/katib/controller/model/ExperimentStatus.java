package dev.quarkflow.katib.controller.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code Experiment.status}: upstream's fields; zero counts and empty lists are left out as Go's omitempty does. */
public class ExperimentStatus extends Extensible {
    public String startTime;
    public String completionTime;
    public String lastReconcileTime;
    public List<Condition> conditions;
    public OptimalTrial currentOptimalTrial;
    public List<String> runningTrialList;
    public List<String> pendingTrialList;
    public List<String> failedTrialList;
    public List<String> succeededTrialList;
    public List<String> killedTrialList;
    public List<String> earlyStoppedTrialList;
    public List<String> metricsUnavailableTrialList;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trials;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialsSucceeded;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialsFailed;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialsKilled;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialsPending;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialsRunning;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialsEarlyStopped;
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public int trialMetricsUnavailable;

    public List<Condition> mutableConditions() {
        if (conditions == null) {
            conditions = new ArrayList<>();
        }
        return conditions;
    }

    public Optional<Condition> condition(String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.type)).findFirst();
    }

    public static class OptimalTrial extends Extensible {
        public String bestTrialName;
        public List<ParameterAssignment> parameterAssignments;
        public Observation observation = new Observation();
    }
}

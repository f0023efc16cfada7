package dev.quarkflow.katib.controller.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Katib {@code Trial} (kubeflow.org/v1beta1): one point of the search space and the workload that evaluates it. */
public class Trial extends Extensible {
    public static final String KIND = "Trial";

    public String apiVersion = Experiment.API_VERSION;
    public String kind = KIND;
    public ObjectMeta metadata = new ObjectMeta();
    public Spec spec = new Spec();
    public Status status = new Status();

    public String name() {
        return metadata.name;
    }

    public static class Spec extends Extensible {
        public ObjectiveSpec objective;
        public List<ParameterAssignment> parameterAssignments;
        public List<EarlyStoppingRule> earlyStoppingRules;
        public ObjectNode runSpec;
        public Boolean retainRun;
        public MetricsCollectorSpec metricsCollector;
        public Map<String, String> primaryPodLabels;
        public String primaryContainerName;
        public String successCondition;
        public String failureCondition;
        public Map<String, String> labels;
    }

    public static class Status extends Extensible {
        public String startTime;
        public String completionTime;
        public String lastReconcileTime;
        public List<Condition> conditions;
        public Observation observation;

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
    }
}

package dev.quarkflow.katib.controller.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Katib {@code Suggestion} (kubeflow.org/v1beta1, name = experiment name): how many assignments the experiment has
 * asked for ({@code spec.requests}) and every assignment received so far ({@code status.suggestions}). Keeping the
 * received assignments here, before trials exist, is what makes a retried or restarted run create no duplicate trial.
 */
public class Suggestion extends Extensible {
    public static final String KIND = "Suggestion";

    public String apiVersion = Experiment.API_VERSION;
    public String kind = KIND;
    public ObjectMeta metadata = new ObjectMeta();
    public Spec spec = new Spec();
    public Status status = new Status();

    /** A fresh Suggestion for an experiment: same name, namespace and labels, its algorithm and resume policy. */
    public static Suggestion forExperiment(Experiment experiment, int requests) {
        Suggestion suggestion = new Suggestion();
        suggestion.metadata.name = experiment.name();
        suggestion.metadata.namespace = experiment.namespace();
        suggestion.metadata.labels = experiment.metadata.labels;
        suggestion.spec.algorithm = experiment.spec.algorithm;
        suggestion.spec.earlyStopping = experiment.spec.earlyStopping;
        suggestion.spec.resumePolicy = experiment.spec.resumePolicy;
        suggestion.spec.requests = requests;
        return suggestion;
    }

    public static class Spec extends Extensible {
        public AlgorithmSpec algorithm;
        public AlgorithmSpec earlyStopping;
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        public int requests;
        public String resumePolicy;
    }

    public static class Status extends Extensible {
        public List<AlgorithmSpec.Setting> algorithmSettings;
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        public int suggestionCount;
        public List<TrialAssignment> suggestions;
        public String startTime;
        public String completionTime;
        public String lastReconcileTime;
        public List<Condition> conditions;

        public List<TrialAssignment> mutableSuggestions() {
            if (suggestions == null) {
                suggestions = new ArrayList<>();
            }
            return suggestions;
        }

        public List<Condition> mutableConditions() {
            if (conditions == null) {
                conditions = new ArrayList<>();
            }
            return conditions;
        }
    }

    /** One assignment set from the algorithm service, named after the trial it becomes. */
    public static class TrialAssignment extends Extensible {
        public String name;
        public List<ParameterAssignment> parameterAssignments;
        public List<EarlyStoppingRule> earlyStoppingRules;
        public Map<String, String> labels;
    }
}

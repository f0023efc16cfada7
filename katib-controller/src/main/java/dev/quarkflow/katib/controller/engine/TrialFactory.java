package dev.quarkflow.katib.controller.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.katib.controller.model.TrialTemplate;

/** Builds the Trial for one received assignment, as upstream's experiment controller does (facts §6.7). */
public final class TrialFactory {

    private TrialFactory() {
    }

    public static Trial create(Experiment experiment, Suggestion.TrialAssignment assignment,
            TemplateSource templates) throws TrialTemplates.TemplateException {
        ObjectNode runSpec = TrialTemplates.render(experiment, assignment.name, experiment.namespace(),
                assignment.parameterAssignments == null ? List.of() : assignment.parameterAssignments, templates);
        Trial trial = new Trial();
        trial.metadata.name = assignment.name;
        trial.metadata.namespace = experiment.namespace();
        Map<String, String> labels = new LinkedHashMap<>(experiment.metadata.labelsOrEmpty());
        labels.put(KatibNames.LABEL_EXPERIMENT, experiment.name());
        if (assignment.labels != null) {
            labels.putAll(assignment.labels);
        }
        trial.metadata.labels = labels;
        trial.spec.objective = experiment.spec.objective;
        trial.spec.parameterAssignments = assignment.parameterAssignments;
        if (experiment.spec.earlyStopping != null) {
            trial.spec.earlyStoppingRules = assignment.earlyStoppingRules;
        }
        trial.spec.runSpec = runSpec;
        TrialTemplate template = experiment.spec.trialTemplate;
        trial.spec.retainRun = Boolean.TRUE.equals(template.retain) ? Boolean.TRUE : null;
        trial.spec.metricsCollector = experiment.spec.metricsCollectorSpec;
        trial.spec.primaryPodLabels = template.primaryPodLabels;
        trial.spec.primaryContainerName = template.primaryContainerName;
        if (template.successCondition != null && template.failureCondition != null) {
            trial.spec.successCondition = template.successCondition;
            trial.spec.failureCondition = template.failureCondition;
        }
        // upstream's suggestion client reads spec.labels back (pbt generations); keep the assignment's labels there
        trial.spec.labels = assignment.labels;
        return trial;
    }
}

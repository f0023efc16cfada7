package dev.quarkflow.katib.controller.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.metrics.GoRegex;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ExperimentSpec;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec.FileSystemPath;
import dev.quarkflow.katib.controller.model.ObjectiveSpec;
import dev.quarkflow.katib.controller.model.ParameterSpec;
import dev.quarkflow.katib.controller.model.TrialTemplate;
import dev.quarkflow.katib.controller.model.TrialTemplate.TrialParameterSpec;

/**
 * Upstream's validating webhook for Experiments (facts §6.3), run on the defaulted object: every rule, with the field
 * path upstream reports. Not checked: that a batch/v1 Job template round-trips into a Job (upstream's last rule).
 */
public final class ExperimentValidator {

    private static final Pattern NAME = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern TWO_GROUPS = Pattern.compile(".*\\(.*\\).*\\(.*\\).*");
    private static final Set<String> PARAMETER_TYPES = Set.of("int", "double", "categorical", "discrete", "unknown");
    private static final Set<String> DISTRIBUTIONS = Set.of("uniform", "logUniform", "normal", "logNormal",
            "unknown");
    private static final Set<String> RESUME_POLICIES = Set.of("", KatibNames.RESUME_NEVER,
            KatibNames.RESUME_LONG_RUNNING, KatibNames.RESUME_FROM_VOLUME);
    private static final Set<String> AUTO_INJECTED_KINDS = Set.of(MetricsCollectorSpec.STDOUT,
            MetricsCollectorSpec.TF_EVENT, MetricsCollectorSpec.FILE, MetricsCollectorSpec.PROMETHEUS);

    private final KatibCatalog catalog;
    private final TemplateSource templates;

    public ExperimentValidator(KatibCatalog catalog, TemplateSource templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    /** Errors for a new experiment; empty when upstream would admit it. */
    public List<FieldError> validate(Experiment experiment) {
        return validate(experiment, null);
    }

    /** Errors for a new experiment, or for an update of {@code old} when it is given. */
    public List<FieldError> validate(Experiment experiment, Experiment old) {
        List<FieldError> errors = new ArrayList<>();
        ExperimentSpec spec = experiment.spec;
        String name = experiment.name() == null ? "" : experiment.name();
        if (!NAME.matcher(name).lookingAt() || name.length() > 40) {
            errors.add(new FieldError("metadata.name", "name must consist of lower case alphanumeric characters or"
                    + " '-', start with an alphabetic character, and end with an alphanumeric character (e.g."
                    + " 'my-name', or 'abc-123', regex used for validation is '^[a-z]([-a-z0-9]*[a-z0-9])?)') and may"
                    + " not be longer than 40 characters."));
        }
        validateCounts(spec, errors);
        if (old != null) {
            validateUpdate(experiment, old, errors);
        }
        if (!validateObjective(spec.objective, errors)) {
            return errors;
        }
        validateAlgorithm(spec, errors);
        if (spec.resumePolicy != null && !RESUME_POLICIES.contains(spec.resumePolicy)) {
            errors.add(new FieldError("spec.resumePolicy", "invalid ResumePolicyType"));
        }
        validateTrialTemplate(experiment, errors);
        boolean hasParameters = !spec.parametersOrEmpty().isEmpty();
        if (!hasParameters && spec.nasConfig == null) {
            errors.add(new FieldError("spec", "spec.parameters or spec.nasConfig must be specified"));
        }
        if (hasParameters && spec.nasConfig != null) {
            errors.add(new FieldError("spec", "only one of spec.parameters and spec.nasConfig can be specified"));
        }
        validateParameters(spec.parametersOrEmpty(), errors);
        validateMetricsCollector(spec.metricsCollectorSpec, errors);
        return errors;
    }

    private static void validateCounts(ExperimentSpec spec, List<FieldError> errors) {
        if (spec.maxFailedTrialCount != null && spec.maxFailedTrialCount < 0) {
            errors.add(new FieldError("spec.maxFailedTrialCount", "should not be less than 0"));
        }
        if (spec.maxTrialCount != null && spec.maxTrialCount <= 0) {
            errors.add(new FieldError("spec.maxTrialCount", "must be greater than 0"));
        }
        if (spec.parallelTrialCount != null && spec.parallelTrialCount <= 0) {
            errors.add(new FieldError("spec.parallelTrialCount", "must be greater than 0"));
        }
        if (spec.maxFailedTrialCount != null && spec.maxTrialCount != null
                && spec.maxFailedTrialCount > spec.maxTrialCount) {
            errors.add(new FieldError("spec.maxFailedTrialCount", "should be less than or equal to spec.maxTrialCount"));
        }
        if (spec.parallelTrialCount != null && spec.maxTrialCount != null
                && spec.parallelTrialCount > spec.maxTrialCount) {
            errors.add(new FieldError("spec.parallelTrialCount", "should be less than or equal to spec.maxTrialCount"));
        }
    }

    private static void validateUpdate(Experiment experiment, Experiment old, List<FieldError> errors) {
        ObjectNode newSpec = Json.MAPPER.valueToTree(experiment.spec);
        ObjectNode oldSpec = Json.MAPPER.valueToTree(old.spec);
        if (newSpec.equals(oldSpec)) {
            return;
        }
        if (ExperimentStatusCalculator.isCompleted(old) && !ExperimentStatusCalculator.isRestartable(old)) {
            errors.add(new FieldError("spec.resumePolicy", "Experiment can be restarted if it is in succeeded state by"
                    + " reaching max trials and spec.resumePolicy = LongRunning or spec.resumePolicy = FromVolume,"
                    + " when experiment is completed"));
        }
        int oldTrials = old.status == null ? 0 : old.status.trials;
        if (experiment.spec.maxTrialCount != null && experiment.spec.maxTrialCount <= oldTrials) {
            errors.add(new FieldError("spec.maxTrialCount", "must be greater than status.trials count"));
        }
        for (String editable : List.of("parallelTrialCount", "maxTrialCount", "maxFailedTrialCount")) {
            newSpec.remove(editable);
            oldSpec.remove(editable);
        }
        if (!newSpec.equals(oldSpec)) {
            errors.add(new FieldError("spec", "only spec.parallelTrialCount, spec.maxTrialCount and"
                    + " spec.maxFailedTrialCount are editable"));
        }
    }

    private static boolean validateObjective(ObjectiveSpec objective, List<FieldError> errors) {
        if (objective == null) {
            errors.add(new FieldError("spec.objective", "must be specified"));
            return false;
        }
        int before = errors.size();
        if (!ObjectiveSpec.MINIMIZE.equals(objective.type) && !ObjectiveSpec.MAXIMIZE.equals(objective.type)) {
            errors.add(new FieldError("spec.objective.type", "must be minimize or maximize"));
        }
        if (objective.objectiveMetricName == null || objective.objectiveMetricName.isEmpty()) {
            errors.add(new FieldError("spec.objective.objectiveMetricName", "must be specified"));
        }
        if (objective.additionalMetricNamesOrEmpty().contains(objective.objectiveMetricName)) {
            errors.add(new FieldError("spec.objective.additionalMetricNames",
                    "should not contain spec.objective.objectiveMetricName"));
        }
        return errors.size() == before;
    }

    private void validateAlgorithm(ExperimentSpec spec, List<FieldError> errors) {
        if (spec.algorithm == null) {
            errors.add(new FieldError("spec.algorithm", "must be specified"));
        } else {
            String algorithm = spec.algorithm.algorithmName == null ? "" : spec.algorithm.algorithmName;
            if (algorithm.isEmpty()) {
                errors.add(new FieldError("spec.algorithm.algorithmName", "must be specified"));
            }
            if (!catalog.algorithms().contains(algorithm)) {
                errors.add(new FieldError("spec.algorithm.algorithmName", "unable to get Suggestion config data for"
                        + " algorithm " + algorithm + ": failed to find suggestion config for algorithm " + algorithm));
            }
        }
        if (spec.earlyStopping != null) {
            String algorithm = spec.earlyStopping.algorithmName == null ? "" : spec.earlyStopping.algorithmName;
            if (algorithm.isEmpty()) {
                errors.add(new FieldError("spec.earlyStopping.algorithmName", "must be specified"));
            }
            if (!catalog.earlyStoppingAlgorithms().contains(algorithm)) {
                errors.add(new FieldError("spec.earlyStopping.algorithmName", "unable to get EarlyStopping config"
                        + " data for algorithm " + algorithm + ": failed to find early stopping config for algorithm "
                        + algorithm));
            }
        }
    }

    private static void validateParameters(List<ParameterSpec> parameters, List<FieldError> errors) {
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            String path = "spec.parameters[" + i + "]";
            String type = parameter.parameterType == null ? "" : parameter.parameterType;
            if (!PARAMETER_TYPES.contains(type)) {
                errors.add(new FieldError(path + ".parameterType", "parameterType: " + type + " is not supported"));
            }
            ParameterSpec.FeasibleSpace space = parameter.feasibleSpace;
            if (space != null && space.distribution != null && !space.distribution.isEmpty()
                    && !DISTRIBUTIONS.contains(space.distribution)) {
                errors.add(new FieldError(path + ".feasibleSpace.distribution",
                        "distribution: " + space.distribution + " is not supported"));
            }
            if (space == null || space.isEmpty()) {
                errors.add(new FieldError(path + ".feasibleSpace", "feasibleSpace must be specified"));
                continue;
            }
            if ("double".equals(type) || "int".equals(type)) {
                if (space.list != null && !space.list.isEmpty()) {
                    errors.add(new FieldError(path + ".feasibleSpace.list",
                            "feasibleSpace.list is not supported for parameterType: " + type));
                }
                if (blank(space.max) || blank(space.min)) {
                    errors.add(new FieldError(path + ".feasibleSpace.max",
                            "feasibleSpace.max or feasibleSpace.min must be specified for parameterType: " + type));
                }
            } else if ("categorical".equals(type) || "discrete".equals(type)) {
                if (!blank(space.max) || !blank(space.min) || !blank(space.step)) {
                    errors.add(new FieldError(path + ".feasibleSpace",
                            "feasibleSpace .max, .min and .step is not supported for parameterType: " + type));
                }
            }
        }
    }

    private void validateTrialTemplate(Experiment experiment, List<FieldError> errors) {
        TrialTemplate template = experiment.spec.trialTemplate;
        String path = "spec.trialTemplate";
        if (template == null) {
            errors.add(new FieldError(path, "must be specified"));
            return;
        }
        if (blank(template.primaryContainerName)) {
            errors.add(new FieldError(path + ".primaryContainerName", "must be specified"));
        }
        if (blank(template.successCondition) || blank(template.failureCondition)) {
            errors.add(new FieldError(path, "successCondition and failureCondition must be specified"));
        }
        if (template.trialParameters == null) {
            errors.add(new FieldError(path + ".trialParameters", "must be specified"));
            return;
        }
        if (template.trialSpec == null && template.configMap == null) {
            errors.add(new FieldError(path + ".TrialSource",
                    "spec.trialTemplate.trialSpec or spec.trialTemplate.configMap must be specified"));
            return;
        }
        if (template.trialSpec != null && template.configMap != null) {
            errors.add(new FieldError(path,
                    "only one of spec.trialTemplate.trialSpec or spec.trialTemplate.configMap can be specified"));
            return;
        }
        if (template.configMap != null && (blank(template.configMap.configMapName)
                || blank(template.configMap.configMapNamespace) || blank(template.configMap.templatePath))) {
            errors.add(new FieldError(path + ".configMap",
                    "configMapName, configMapNamespace and templatePath must be specified"));
            return;
        }
        String text;
        try {
            text = TrialTemplates.templateText(experiment, templates);
        } catch (TrialTemplates.TemplateException e) {
            errors.add(new FieldError(path, "unable to parse spec.trialTemplate: " + e.getMessage()));
            return;
        }
        if (!validateTrialParameters(experiment, template, text, errors)) {
            return;
        }
        for (TrialParameterSpec parameter : template.trialParametersOrEmpty()) {
            if (!blank(parameter.name)) {
                text = text.replace(TrialTemplates.placeholder(parameter.name), "test-value");
            }
        }
        Matcher leftover = TrialTemplates.PARAMETER_PLACEHOLDER.matcher(text);
        List<String> notReplaced = new ArrayList<>();
        while (leftover.find()) {
            notReplaced.add(leftover.group());
        }
        if (!notReplaced.isEmpty()) {
            errors.add(new FieldError(path, "parameters: " + notReplaced
                    + " in spec.trialTemplate not found in spec.trialParameters"));
        }
        ObjectNode runSpec;
        try {
            runSpec = TrialTemplates.parse(text);
        } catch (TrialTemplates.TemplateException e) {
            errors.add(new FieldError(path, "unable to convert spec.trialTemplate to unstructured: " + e.getMessage()));
            return;
        }
        if (!runSpec.path("metadata").path("name").asText("").isEmpty()
                || !runSpec.path("metadata").path("namespace").asText("").isEmpty()) {
            errors.add(new FieldError(path, "metadata.name and metadata.namespace in spec.trialTemplate must be omitted"));
        }
        if (runSpec.path("apiVersion").asText("").isEmpty() || runSpec.path("kind").asText("").isEmpty()) {
            errors.add(new FieldError(path, "APIVersion and Kind in spec.trialTemplate must be specified"));
        }
    }

    /** False when upstream stops checking the template (a trialParameter missing from the template). */
    private static boolean validateTrialParameters(Experiment experiment, TrialTemplate template, String text,
            List<FieldError> errors) {
        Set<String> parameterNames = new HashSet<>();
        experiment.spec.parametersOrEmpty().forEach(p -> parameterNames.add(p.name));
        Set<String> names = new HashSet<>();
        Set<String> references = new HashSet<>();
        List<TrialParameterSpec> parameters = template.trialParametersOrEmpty();
        for (int i = 0; i < parameters.size(); i++) {
            TrialParameterSpec parameter = parameters.get(i);
            String path = "spec.trialTemplate.trialParameters[" + i + "]";
            if (blank(parameter.name) || blank(parameter.reference) || parameter.name.contains("{")
                    || parameter.name.contains("}")) {
                errors.add(new FieldError(path,
                        "name and reference must be specified and name must not contain '{' or '}'"));
                continue;
            }
            if (!names.add(parameter.name)) {
                errors.add(new FieldError(path + ".name", "parameter name " + parameter.name
                        + " can't be duplicated in spec.trialTemplate.trialParameters"));
                continue;
            }
            if (!references.add(parameter.reference)) {
                errors.add(new FieldError(path + ".reference", "parameter reference " + parameter.reference
                        + " can't be duplicated in spec.trialTemplate.trialParameters"));
                continue;
            }
            if (!parameterNames.isEmpty() && !TrialTemplates.isMetadataReference(parameter.reference)
                    && !parameterNames.contains(parameter.reference)) {
                errors.add(new FieldError(path + ".reference", "parameter reference " + parameter.reference
                        + " does not exist in spec.parameters"));
            }
            if (!text.contains(TrialTemplates.placeholder(parameter.name))) {
                errors.add(new FieldError(path + ".name", "parameter name: " + parameter.name
                        + " in spec.trialParameters not found in spec.trialTemplate"));
                return false;
            }
        }
        return true;
    }

    private void validateMetricsCollector(MetricsCollectorSpec spec, List<FieldError> errors) {
        String base = "spec.metricsCollectorSpec";
        if (spec == null) {
            return;
        }
        String kind = spec.kind() == null ? "" : spec.kind();
        if (AUTO_INJECTED_KINDS.contains(kind) && !catalog.metricsCollectorKinds().contains(kind)) {
            errors.add(new FieldError(base + ".collector.kind", "GetMetricsCollectorConfigData failed: failed to find"
                    + " metrics collector config for kind: " + kind));
        }
        FileSystemPath fileSystemPath = spec.source == null ? null : spec.source.fileSystemPath;
        switch (kind) {
            case MetricsCollectorSpec.PUSH, MetricsCollectorSpec.STDOUT -> {
                return;
            }
            case MetricsCollectorSpec.FILE -> {
                if (fileSystemPath == null || !FileSystemPath.KIND_FILE.equals(fileSystemPath.kind)
                        || !isAbsolute(fileSystemPath.path)) {
                    errors.add(new FieldError(base + ".source.fileSystemPath.path",
                            "file path where metrics file exists is required"));
                }
                String format = fileSystemPath == null ? "" : fileSystemPath.format;
                if (!FileSystemPath.FORMAT_TEXT.equals(format) && !FileSystemPath.FORMAT_JSON.equals(format)) {
                    errors.add(new FieldError(base + ".source.fileSystemPath.format",
                            "format of metrics file is required for metrics collector"));
                }
                if (FileSystemPath.FORMAT_JSON.equals(format) && spec.source.filter != null) {
                    errors.add(new FieldError(base + ".source.filter",
                            "filter must be nil when format of metrics file is json"));
                }
            }
            case MetricsCollectorSpec.TF_EVENT -> {
                if (fileSystemPath == null || !FileSystemPath.KIND_DIRECTORY.equals(fileSystemPath.kind)
                        || !isAbsolute(fileSystemPath.path)) {
                    errors.add(new FieldError(base + ".source", "directory path where tensorflow event files exist is"
                            + " required by .spec.metricsCollectorSpec.source.fileSystemPath.path"));
                }
                if (fileSystemPath != null && !blank(fileSystemPath.format)) {
                    errors.add(new FieldError(base + ".source.fileSystemPath.format", "must be empty"));
                }
            }
            case MetricsCollectorSpec.PROMETHEUS -> {
                MetricsCollectorSpec.HttpGet httpGet = spec.source == null ? null : spec.source.httpGet;
                String port = httpGet == null || httpGet.port == null ? "" : httpGet.port.asText();
                if (!isPositiveInteger(port)) {
                    errors.add(new FieldError(base + ".source.httpGet.port",
                            "must be a positive integer value for metrics collector kind: " + kind));
                }
                if (httpGet == null || httpGet.path == null || !httpGet.path.startsWith("/")) {
                    errors.add(new FieldError(base + ".source.httpGet.path",
                            "path is invalid for metrics collector kind: " + kind));
                }
            }
            case MetricsCollectorSpec.CUSTOM -> {
                if (spec.collector.customCollector == null || spec.collector.customCollector.isNull()) {
                    errors.add(new FieldError(base + ".collector.customCollector",
                            "metrics collector kind: " + kind + " is required"));
                }
                if (fileSystemPath != null && (!isAbsolute(fileSystemPath.path)
                        || !(FileSystemPath.KIND_DIRECTORY.equals(fileSystemPath.kind)
                                || FileSystemPath.KIND_FILE.equals(fileSystemPath.kind)))) {
                    errors.add(new FieldError(base + ".source.fileSystemPath",
                            ".spec.metricsCollectorSpec.source is invalid"));
                }
            }
            default -> errors.add(new FieldError(base + ".collector.kind",
                    "invalid metrics collector kind: " + kind));
        }
        if (spec.source != null && spec.source.filter != null && spec.source.filter.metricsFormat != null) {
            for (String filter : spec.source.filter.metricsFormat) {
                try {
                    GoRegex.compile(filter);
                    if (!TWO_GROUPS.matcher(filter).matches()) {
                        errors.add(new FieldError(base + ".source.filter.metricsFormat",
                                "two top subexpressions are required"));
                    }
                } catch (PatternSyntaxException e) {
                    errors.add(new FieldError(base + ".source.filter.metricsFormat",
                            "invalid filter: " + e.getDescription()));
                }
            }
        }
    }

    private static boolean isAbsolute(String path) {
        return path != null && Path.of(path).isAbsolute();
    }

    private static boolean isPositiveInteger(String value) {
        try {
            return Integer.parseInt(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}

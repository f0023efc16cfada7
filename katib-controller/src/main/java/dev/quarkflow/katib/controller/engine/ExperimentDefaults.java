package dev.quarkflow.katib.controller.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.IntNode;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ExperimentSpec;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec.FileSystemPath;
import dev.quarkflow.katib.controller.model.ObjectiveSpec;
import dev.quarkflow.katib.controller.model.ObjectiveSpec.MetricStrategy;
import dev.quarkflow.katib.controller.model.ParameterSpec;
import dev.quarkflow.katib.controller.model.TrialTemplate;

/** What upstream's mutating webhook fills in on CREATE and UPDATE (facts §6.2). Idempotent; mutates in place. */
public final class ExperimentDefaults {

    static final String JOB_SUCCESS = "status.conditions.#(type==\"Complete\")#|#(status==\"True\")#";
    static final String JOB_FAILURE = "status.conditions.#(type==\"Failed\")#|#(status==\"True\")#";
    static final String KUBEFLOW_JOB_SUCCESS = "status.conditions.#(type==\"Succeeded\")#|#(status==\"True\")#";
    private static final Set<String> KUBEFLOW_JOB_KINDS = Set.of("TFJob", "PyTorchJob", "XGBoostJob", "MPIJob",
            "TrainJob");
    private static final String TRAIN_JOB = "TrainJob";

    private ExperimentDefaults() {
    }

    public static Experiment apply(Experiment experiment) {
        ExperimentSpec spec = experiment.spec;
        if (spec.parallelTrialCount == null) {
            spec.parallelTrialCount = KatibNames.DEFAULT_PARALLEL_TRIAL_COUNT;
        }
        if (spec.resumePolicy == null || spec.resumePolicy.isEmpty()) {
            spec.resumePolicy = KatibNames.RESUME_NEVER;
        }
        if (spec.objective != null) {
            defaultMetricStrategies(spec.objective);
        }
        if (spec.trialTemplate != null && spec.trialTemplate.trialSpec != null) {
            defaultTrialTemplate(spec.trialTemplate);
        }
        defaultMetricsCollector(spec);
        for (ParameterSpec parameter : spec.parametersOrEmpty()) {
            if (parameter.feasibleSpace == null) {
                parameter.feasibleSpace = new ParameterSpec.FeasibleSpace();
            }
            if (parameter.feasibleSpace.distribution == null || parameter.feasibleSpace.distribution.isEmpty()) {
                parameter.feasibleSpace.distribution = "uniform";
            }
        }
        return experiment;
    }

    private static void defaultMetricStrategies(ObjectiveSpec objective) {
        List<MetricStrategy> strategies = objective.metricStrategies == null ? new ArrayList<>()
                : new ArrayList<>(objective.metricStrategies);
        // upstream gives additional metrics the same objective-type-based strategy as the objective
        String byType = ObjectiveSpec.MINIMIZE.equals(objective.type) ? MetricStrategy.MIN
                : ObjectiveSpec.MAXIMIZE.equals(objective.type) ? MetricStrategy.MAX : MetricStrategy.LATEST;
        boolean objectiveHasStrategy = strategies.stream()
                .anyMatch(s -> s.name != null && s.name.equals(objective.objectiveMetricName));
        Set<String> named = new java.util.HashSet<>();
        strategies.forEach(s -> named.add(s.name));
        if (!objectiveHasStrategy) {
            strategies.add(new MetricStrategy(objective.objectiveMetricName, byType));
        }
        for (String metric : objective.additionalMetricNamesOrEmpty()) {
            if (!named.contains(metric)) {
                strategies.add(new MetricStrategy(metric, byType));
            }
        }
        objective.metricStrategies = strategies;
    }

    private static void defaultTrialTemplate(TrialTemplate template) {
        String kind = template.trialSpec.path("kind").asText("");
        if ("Job".equals(kind)) {
            template.successCondition = orDefault(template.successCondition, JOB_SUCCESS);
            template.failureCondition = orDefault(template.failureCondition, JOB_FAILURE);
        } else if (KUBEFLOW_JOB_KINDS.contains(kind)) {
            boolean trainJob = TRAIN_JOB.equals(kind);
            template.successCondition = orDefault(template.successCondition,
                    trainJob ? JOB_SUCCESS : KUBEFLOW_JOB_SUCCESS);
            template.failureCondition = orDefault(template.failureCondition, JOB_FAILURE);
            if (template.primaryPodLabels == null || template.primaryPodLabels.isEmpty()) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (trainJob) {
                    labels.put("jobset.sigs.k8s.io/replicatedjob-name", "node");
                    labels.put("batch.kubernetes.io/job-completion-index", "0");
                } else {
                    labels.put("training.kubeflow.org/job-role", "master");
                }
                template.primaryPodLabels = labels;
            }
        }
    }

    private static void defaultMetricsCollector(ExperimentSpec spec) {
        if (spec.metricsCollectorSpec == null) {
            spec.metricsCollectorSpec = new MetricsCollectorSpec();
        }
        MetricsCollectorSpec collector = spec.metricsCollectorSpec;
        if (collector.collector == null) {
            collector.collector = new MetricsCollectorSpec.Collector();
            collector.collector.kind = MetricsCollectorSpec.STDOUT;
        }
        String kind = collector.collector.kind;
        if (MetricsCollectorSpec.PROMETHEUS.equals(kind)) {
            source(collector);
            if (collector.source.httpGet == null) {
                collector.source.httpGet = new MetricsCollectorSpec.HttpGet();
            }
            if (collector.source.httpGet.path == null || collector.source.httpGet.path.isEmpty()) {
                collector.source.httpGet.path = KatibNames.DEFAULT_PROMETHEUS_PATH;
            }
            if (collector.source.httpGet.port == null || "0".equals(collector.source.httpGet.port.asText())) {
                collector.source.httpGet.port = IntNode.valueOf(KatibNames.DEFAULT_PROMETHEUS_PORT);
            }
        } else if (MetricsCollectorSpec.FILE.equals(kind)) {
            FileSystemPath path = fileSystemPath(collector);
            path.kind = orDefault(path.kind, FileSystemPath.KIND_FILE);
            path.path = orDefault(path.path, KatibNames.DEFAULT_METRICS_FILE);
            path.format = orDefault(path.format, FileSystemPath.FORMAT_TEXT);
        } else if (MetricsCollectorSpec.TF_EVENT.equals(kind)) {
            FileSystemPath path = fileSystemPath(collector);
            path.kind = orDefault(path.kind, FileSystemPath.KIND_DIRECTORY);
            path.path = orDefault(path.path, KatibNames.DEFAULT_TF_EVENT_DIR);
        }
    }

    private static void source(MetricsCollectorSpec collector) {
        if (collector.source == null) {
            collector.source = new MetricsCollectorSpec.Source();
        }
    }

    private static FileSystemPath fileSystemPath(MetricsCollectorSpec collector) {
        source(collector);
        if (collector.source.fileSystemPath == null) {
            collector.source.fileSystemPath = new FileSystemPath();
        }
        return collector.source.fileSystemPath;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}

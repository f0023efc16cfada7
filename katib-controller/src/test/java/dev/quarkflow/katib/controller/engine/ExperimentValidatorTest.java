package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;

class ExperimentValidatorTest {

    private final ExperimentValidator validator = new ExperimentValidator(KatibCatalog.upstreamDefault(),
            TemplateSource.none());

    private List<String> fields(Experiment experiment) {
        return validator.validate(experiment).stream().map(FieldError::field).toList();
    }

    private static Experiment replaced(String from, String to) {
        assertThat(TestExperiments.RANDOM).contains(from);
        return TestExperiments.defaulted(TestExperiments.RANDOM.replace(from, to));
    }

    @Test
    void acceptsTheBaseExperiment() {
        assertThat(validator.validate(TestExperiments.defaulted())).isEmpty();
    }

    @Test
    void rejectsNames_thatDoNotStartLowercase_orAreLongerThan40() {
        assertThat(fields(replaced("name: demo", "name: Demo"))).containsExactly("metadata.name");
        assertThat(fields(replaced("name: demo", "name: a" + "b".repeat(40)))).containsExactly("metadata.name");
    }

    @Test
    void acceptsNames_thatOnlyStartWithAValidPrefix_asUpstreamsUnanchoredRegex() {
        assertThat(fields(replaced("name: demo", "name: demo_X"))).isEmpty();
    }

    @Test
    void rejectsCounts_outOfOrder() {
        assertThat(fields(replaced("maxFailedTrialCount: 2", "maxFailedTrialCount: 5")))
                .containsExactly("spec.maxFailedTrialCount");
        assertThat(fields(replaced("parallelTrialCount: 2", "parallelTrialCount: 5")))
                .containsExactly("spec.parallelTrialCount");
        assertThat(fields(replaced("maxTrialCount: 4", "maxTrialCount: 0"))).contains("spec.maxTrialCount");
    }

    @Test
    void rejectsObjective_withoutTypeOrWithTheObjectiveAmongAdditionalMetrics() {
        assertThat(fields(replaced("type: minimize", "type: lowest"))).containsExactly("spec.objective.type");
        assertThat(fields(replaced("additionalMetricNames: [accuracy]", "additionalMetricNames: [loss]")))
                .containsExactly("spec.objective.additionalMetricNames");
    }

    @Test
    void rejectsAlgorithm_withoutKatibConfigEntry() {
        List<FieldError> errors = validator.validate(replaced("algorithmName: random", "algorithmName: magic"));

        assertThat(errors).extracting(FieldError::field).containsExactly("spec.algorithm.algorithmName");
        assertThat(errors.get(0).message()).contains("magic");
    }

    @Test
    void rejectsTrialParameters_missingFromTemplate_unknownReference_orDuplicated() {
        assertThat(fields(replaced("\"--layers=${trialParameters.numLayers}\", ", "")))
                .containsExactly("spec.trialTemplate.trialParameters[1].name");
        assertThat(fields(replaced("reference: layers", "reference: depth")))
                .containsExactly("spec.trialTemplate.trialParameters[1].reference");
        assertThat(fields(replaced("reference: layers", "reference: lr")))
                .containsExactly("spec.trialTemplate.trialParameters[1].reference");
    }

    @Test
    void rejectsTemplate_withUndeclaredPlaceholder_orMetadataName() {
        assertThat(fields(replaced("python3, train.py", "python3, train.py, \"${trialParameters.extra}\"")))
                .containsExactly("spec.trialTemplate");
        assertThat(fields(replaced("kind: Job\n", "kind: Job\n      metadata: {name: fixed}\n")))
                .containsExactly("spec.trialTemplate");
    }

    @Test
    void rejectsTemplate_withoutKind_whereNoConditionsCanBeDefaulted() {
        List<String> fields = fields(replaced("kind: Job\n", "\n"));

        assertThat(fields).containsExactly("spec.trialTemplate", "spec.trialTemplate");
    }

    @Test
    void rejectsParameters_withoutBounds_orWithListOnDouble() {
        assertThat(fields(replaced("feasibleSpace: {min: \"0.01\", max: \"0.1\"}", "feasibleSpace: {min: \"0.01\"}")))
                .containsExactly("spec.parameters[0].feasibleSpace.max");
        assertThat(fields(replaced("feasibleSpace: {min: \"0.01\", max: \"0.1\"}",
                "feasibleSpace: {min: \"0.01\", max: \"0.1\", list: [\"1\"]}")))
                .containsExactly("spec.parameters[0].feasibleSpace.list");
        assertThat(fields(replaced("parameterType: int", "parameterType: float")))
                .containsExactly("spec.parameters[1].parameterType");
    }

    @Test
    void rejectsFileCollector_withRelativePath_andFilters_withoutTwoGroups() {
        Experiment relative = TestExperiments.defaulted();
        relative.spec.metricsCollectorSpec.collector.kind = MetricsCollectorSpec.FILE;
        relative.spec.metricsCollectorSpec.source = new MetricsCollectorSpec.Source();
        relative.spec.metricsCollectorSpec.source.fileSystemPath = new MetricsCollectorSpec.FileSystemPath();
        relative.spec.metricsCollectorSpec.source.fileSystemPath.kind = "File";
        relative.spec.metricsCollectorSpec.source.fileSystemPath.path = "metrics.log";
        relative.spec.metricsCollectorSpec.source.fileSystemPath.format = "TEXT";
        relative.spec.metricsCollectorSpec.source.filter = new MetricsCollectorSpec.Filter();
        relative.spec.metricsCollectorSpec.source.filter.metricsFormat = List.of("(\\w+)=");

        assertThat(fields(relative)).containsExactly("spec.metricsCollectorSpec.source.fileSystemPath.path",
                "spec.metricsCollectorSpec.source.filter.metricsFormat");
    }

    @Test
    void rejectsPrometheusCollector_notInStockKatibConfig() {
        Experiment experiment = TestExperiments.defaulted();
        experiment.spec.metricsCollectorSpec = null;
        experiment.spec.metricsCollectorSpec = new MetricsCollectorSpec();
        experiment.spec.metricsCollectorSpec.collector = new MetricsCollectorSpec.Collector();
        experiment.spec.metricsCollectorSpec.collector.kind = MetricsCollectorSpec.PROMETHEUS;
        ExperimentDefaults.apply(experiment);

        assertThat(fields(experiment)).containsExactly("spec.metricsCollectorSpec.collector.kind");
    }

    @Test
    void updateMayOnlyChangeTheThreeCounters() {
        Experiment old = TestExperiments.defaulted();
        Experiment raised = TestExperiments.defaulted();
        raised.spec.maxTrialCount = 8;
        Experiment retyped = TestExperiments.defaulted();
        retyped.spec.objective.type = "maximize";

        assertThat(validator.validate(raised, old)).isEmpty();
        assertThat(validator.validate(retyped, old)).extracting(FieldError::field).containsExactly("spec");
    }

    @Test
    void updateOfACompletedNeverExperimentIsRejected() {
        Experiment old = TestExperiments.defaulted();
        old.status().trials = 4;
        old.status().mutableConditions().add(new Condition(KatibNames.SUCCEEDED, Condition.TRUE,
                KatibNames.EXPERIMENT_MAX_TRIALS_REACHED_REASON, "done", "t"));
        Experiment raised = TestExperiments.defaulted();
        raised.spec.maxTrialCount = 3;

        assertThat(validator.validate(raised, old)).extracting(FieldError::field)
                .containsExactly("spec.resumePolicy", "spec.maxTrialCount");
    }
}

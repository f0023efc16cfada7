package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Suggestion;

class ConformanceExperimentsTest {

    /** Upstream installs a {@code trial-templates} ConfigMap in kubeflow; this stand-in uses the same parameters. */
    static final TemplateSource TRIAL_TEMPLATES = (namespace, name, path) -> Optional.ofNullable(
            "kubeflow".equals(namespace) && "trial-templates".equals(name) && "defaultTrialTemplate.yaml".equals(path)
                    ? """
                            apiVersion: batch/v1
                            kind: Job
                            spec:
                              template:
                                spec:
                                  containers:
                                    - name: training-container
                                      image: example/train
                                      command:
                                        - python3
                                        - train.py
                                        - --lr=${trialParameters.learningRate}
                                        - --num-layers=${trialParameters.numberLayers}
                                        - --optimizer=${trialParameters.optimizer}
                                  restartPolicy: Never
                            """
                    : null);

    static List<Path> experiments() {
        return SharedFixtures.conformanceFiles("crs/kubeflow.org-experiment", ".yaml");
    }

    static List<Path> acceptedExperiments() {
        return experiments().stream().filter(f -> !REJECTED_UPSTREAM.containsKey(f.getFileName().toString())).toList();
    }

    @Test
    void corpusHasTheUpstreamExamples() {
        assertThat(experiments()).hasSizeGreaterThanOrEqualTo(27);
    }

    /**
     * Upstream's webhook refuses two of its own examples: the pbt one has maxFailedTrialCount 3 above maxTrialCount 2,
     * and the Tekton one never writes {@code ${trialParameters.learningRate}} in its template (it uses
     * {@code $(trialParameters.lr)}).
     */
    static final Map<String, List<String>> REJECTED_UPSTREAM = Map.of(
            "hp-tuning-simple-pbt.yaml", List.of("spec.maxFailedTrialCount"),
            "tekton-pipeline-run.yaml", List.of("spec.trialTemplate.trialParameters[0].name"));

    @ParameterizedTest
    @MethodSource("experiments")
    void everyUpstreamExampleIsAcceptedOrRejected_asUpstreamsWebhookWould(Path file) {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(file));

        List<FieldError> errors = new ExperimentValidator(KatibCatalog.upstreamDefault(), TRIAL_TEMPLATES)
                .validate(experiment);

        assertThat(errors).as(file.getFileName().toString()).extracting(FieldError::field)
                .containsExactlyElementsOf(REJECTED_UPSTREAM.getOrDefault(file.getFileName().toString(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void everyFieldOfTheExampleSurvivesReadingAndWriting(Path file) throws Exception {
        JsonNode original = Json.YAML.readTree(file.toFile());

        JsonNode written = ExperimentReader.tree(ExperimentReader.read(file));

        assertContains(written, original, "");
    }

    @ParameterizedTest
    @MethodSource("acceptedExperiments")
    void everyAcceptedExampleRendersAFirstTrial(Path file) throws Exception {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(file));
        Suggestion.TrialAssignment assignment = new Suggestion.TrialAssignment();
        assignment.name = experiment.name() + "-abcdefgh";
        assignment.parameterAssignments = experiment.spec.trialTemplate.trialParametersOrEmpty().stream()
                .filter(t -> !TrialTemplates.isMetadataReference(t.reference))
                .map(t -> new ParameterAssignment(t.reference, "7")).toList();

        var trial = TrialFactory.create(experiment, assignment, TRIAL_TEMPLATES);

        assertThat(trial.spec.runSpec.path("metadata").path("name").asText()).isEqualTo(assignment.name);
        assertThat(trial.spec.runSpec.toString()).doesNotContain("${trialParameters.");
        assertThat(trial.metadata.labels).containsEntry(KatibNames.LABEL_EXPERIMENT, experiment.name());
    }

    @Test
    void configMapTemplateIsRejected_whenTheConfigMapDoesNotExist() {
        Path file = SharedFixtures.conformance("crs/kubeflow.org-experiment")
                .resolve("trial-template-trial-configmap-source.yaml");
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(file));

        List<FieldError> errors = new ExperimentValidator(KatibCatalog.upstreamDefault(), TemplateSource.none())
                .validate(experiment);

        assertThat(errors).extracting(FieldError::field).containsExactly("spec.trialTemplate");
        assertThat(errors.get(0).message()).contains("trial-templates");
    }

    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(actual.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertThat(actual.asDouble()).as(path).isEqualTo(expected.asDouble());
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }
}

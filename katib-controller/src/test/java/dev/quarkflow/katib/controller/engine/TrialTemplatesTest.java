package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;

class TrialTemplatesTest {

    @Test
    void substitutesAssignmentsAndTrialName_andNamesTheWorkload() throws Exception {
        Experiment experiment = TestExperiments.defaulted();

        ObjectNode runSpec = TrialTemplates.render(experiment, "demo-x1", "team",
                List.of(new ParameterAssignment("lr", "0.05"), new ParameterAssignment("layers", "2")),
                TemplateSource.none());

        assertThat(runSpec.at("/spec/template/spec/containers/0/command").toString())
                .isEqualTo("[\"python3\",\"train.py\",\"--lr=0.05\",\"--layers=2\",\"--name=demo-x1\"]");
        assertThat(runSpec.at("/metadata/name").asText()).isEqualTo("demo-x1");
        assertThat(runSpec.at("/metadata/namespace").asText()).isEqualTo("team");
    }

    @Test
    void refusesAssignments_thatDoNotMatchTheTrialParameters() {
        Experiment experiment = TestExperiments.defaulted();

        assertThatThrownBy(() -> TrialTemplates.render(experiment, "t", "team",
                List.of(new ParameterAssignment("lr", "0.05")), TemplateSource.none()))
                .hasMessageContaining("layers");
        assertThatThrownBy(() -> TrialTemplates.render(experiment, "t", "team",
                List.of(new ParameterAssignment("lr", "0.05"), new ParameterAssignment("layers", "2"),
                        new ParameterAssignment("extra", "1")),
                TemplateSource.none())).hasMessageContaining("do not match");
    }

    @Test
    void resolvesLabelReferences_fromTheTemplatesOwnMetadata() throws Exception {
        Experiment experiment = TestExperiments.defaulted(TestExperiments.RANDOM
                .replace("reference: ${trialSpec.Name}", "reference: ${trialSpec.Labels[team]}")
                .replace("kind: Job\n", "kind: Job\n      metadata: {labels: {team: vision}}\n"));

        ObjectNode runSpec = TrialTemplates.render(experiment, "t", "team",
                List.of(new ParameterAssignment("lr", "1"), new ParameterAssignment("layers", "2")),
                TemplateSource.none());

        assertThat(runSpec.at("/spec/template/spec/containers/0/command/4").asText()).isEqualTo("--name=vision");
        assertThat(TrialTemplates.isMetadataReference("${trialSpec.Annotations[x]}")).isTrue();
        assertThat(TrialTemplates.isMetadataReference("${trialSpec.Color}")).isFalse();
    }
}

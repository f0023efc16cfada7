package dev.quarkflow.katib.controller.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.engine.ExperimentDefaults;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.ParameterAssignment;

class SuggestionSyncTest {

    private static final String EXPERIMENT = """
            apiVersion: kubeflow.org/v1beta1
            kind: Experiment
            metadata: {name: demo, namespace: team}
            spec:
              objective: {type: maximize, objectiveMetricName: acc}
              algorithm:
                algorithmName: random
                algorithmSettings: [{name: random_state, value: "1"}]
              parameters:
                - {name: lr, parameterType: double, feasibleSpace: {min: "0.1", max: "0.2"}}
              trialTemplate:
                primaryContainerName: c
                trialParameters: [{name: lr, reference: lr}]
                trialSpec: {apiVersion: batch/v1, kind: Job, spec: {x: "${trialParameters.lr}"}}
            """;

    private final SuggestionSync sync = new SuggestionSync(new Random(7));

    private static GetSuggestionsReply reply(int count, String trialName) {
        GetSuggestionsReply.Builder reply = GetSuggestionsReply.newBuilder();
        for (int i = 0; i < count; i++) {
            reply.addParameterAssignments(GetSuggestionsReply.ParameterAssignments.newBuilder().setTrialName(trialName)
                    .addAssignments(ParameterAssignment.newBuilder().setName("lr").setValue("0.1" + i)));
        }
        return reply.build();
    }

    @Test
    void asksForTheMissingAssignments_andNamesThemAfterTheExperiment() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT));
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 3;
        List<GetSuggestionsRequest> requests = new ArrayList<>();

        List<Suggestion.TrialAssignment> added = sync.sync(experiment, suggestion, List.of(), request -> {
            requests.add(request);
            return reply(3, "");
        });

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getCurrentRequestNumber()).isEqualTo(3);
            assertThat(r.getTotalRequestNumber()).isEqualTo(3);
            assertThat(r.getExperiment().getSpec().getAlgorithm().getAlgorithmSettings(0).getValue()).isEqualTo("1");
            assertThat(r.getExperiment().getSpec().getParameterSpecs().getParameters(0).getFeasibleSpace().getMax())
                    .isEqualTo("0.2");
        });
        assertThat(added).extracting(a -> a.name).allMatch(n -> n.matches("demo-[bcdfghjklmnpqrstvwxz2456789]{8}"));
        assertThat(suggestion.status.suggestionCount).isEqualTo(3);
    }

    @Test
    void replyWithTheWrongCount_changesNothing() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT));
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 2;

        assertThatThrownBy(() -> sync.sync(experiment, suggestion, List.of(), request -> reply(1, "x")))
                .isInstanceOf(SuggestionSync.UnexpectedReplyException.class);
        assertThat(suggestion.status.suggestionCount).isZero();
        assertThat(suggestion.status.suggestions).isNullOrEmpty();
    }

    @Test
    void noCall_whenTheSuggestionHoldsItsRequests() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT));
        Suggestion suggestion = new Suggestion();

        assertThat(sync.sync(experiment, suggestion, List.of(), request -> {
            throw new AssertionError("no call expected");
        })).isEmpty();
    }
}

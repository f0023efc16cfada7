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
import dev.quarkflow.proto.katib.AlgorithmSetting;
import dev.quarkflow.proto.katib.AlgorithmSpec;
import dev.quarkflow.proto.katib.ComparisonType;
import dev.quarkflow.proto.katib.EarlyStoppingRule;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.ParameterAssignment;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

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

    @Test
    void replyNamesAndLabels_becomeTheAssignments_asPbtSendsThem() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT));
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 1;

        List<Suggestion.TrialAssignment> added = sync.sync(experiment, suggestion, List.of(),
                request -> GetSuggestionsReply.newBuilder().addParameterAssignments(GetSuggestionsReply.ParameterAssignments
                        .newBuilder().setTrialName("demo-0f3a")
                        .putLabels("pbt.suggestion.katib.kubeflow.org/generation", "1")
                        .putLabels("pbt.suggestion.katib.kubeflow.org/parent", "demo-aaaa")
                        .addAssignments(ParameterAssignment.newBuilder().setName("lr").setValue("0.15"))).build());

        assertThat(added).singleElement().satisfies(a -> {
            assertThat(a.name).isEqualTo("demo-0f3a");
            assertThat(a.labels).containsEntry("pbt.suggestion.katib.kubeflow.org/generation", "1")
                    .containsEntry("pbt.suggestion.katib.kubeflow.org/parent", "demo-aaaa");
            assertThat(a.earlyStoppingRules).isNull();
        });
    }

    @Test
    void echoedSettings_areMergedByName_andSentWithTheNextCall() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT));
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 1;
        sync.sync(experiment, suggestion, List.of(), request -> reply(1, "").toBuilder()
                .setAlgorithm(AlgorithmSpec.newBuilder().setAlgorithmName("hyperband")
                        .addAlgorithmSettings(AlgorithmSetting.newBuilder().setName("current_s").setValue("2"))
                        .addAlgorithmSettings(AlgorithmSetting.newBuilder().setName("evaluating_trials").setValue("1")))
                .build());
        suggestion.spec.requests = 2;
        List<GetSuggestionsRequest> requests = new ArrayList<>();

        sync.sync(experiment, suggestion, List.of(), request -> {
            requests.add(request);
            return reply(1, "").toBuilder().setAlgorithm(AlgorithmSpec.newBuilder()
                    .addAlgorithmSettings(AlgorithmSetting.newBuilder().setName("current_s").setValue("1"))).build();
        });

        assertThat(requests.get(0).getExperiment().getSpec().getAlgorithm().getAlgorithmSettingsList())
                .extracting(s -> s.getName() + "=" + s.getValue())
                .containsExactly("random_state=1", "current_s=2", "evaluating_trials=1");
        assertThat(suggestion.status.algorithmSettings).extracting(s -> s.name + "=" + s.value)
                .containsExactly("current_s=1", "evaluating_trials=1");
    }

    @Test
    void earlyStoppingRules_areAttachedToEveryAssignmentOfTheBatch() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT + """
                  earlyStopping: {algorithmName: medianstop}
                """));
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 2;
        List<GetEarlyStoppingRulesRequest> asked = new ArrayList<>();
        EarlyStoppingService rules = new EarlyStoppingService() {
            @Override
            public GetEarlyStoppingRulesReply getEarlyStoppingRules(GetEarlyStoppingRulesRequest request) {
                asked.add(request);
                return GetEarlyStoppingRulesReply.newBuilder().addEarlyStoppingRules(EarlyStoppingRule.newBuilder()
                        .setName("acc").setValue("0.7").setComparison(ComparisonType.LESS).setStartStep(4)).build();
            }

            @Override
            public void validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest request) {
            }
        };

        List<Suggestion.TrialAssignment> added = sync.sync(experiment, suggestion, List.of(), request -> reply(2, ""),
                new SuggestionSync.EarlyStopping(rules, "127.0.0.1:6790"));

        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.getDbManagerAddress()).isEqualTo("127.0.0.1:6790");
            assertThat(r.getExperiment().getSpec().getEarlyStopping().getAlgorithmName()).isEqualTo("medianstop");
        });
        assertThat(added).hasSize(2).allSatisfy(a -> assertThat(a.earlyStoppingRules).singleElement()
                .satisfies(r -> assertThat(r.name + ";" + r.value + ";" + r.comparison + ";" + r.startStep)
                        .isEqualTo("acc;0.7;less;4")));
    }

    @Test
    void failingEarlyStoppingService_failsTheWholeSync() {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(EXPERIMENT + """
                  earlyStopping: {algorithmName: medianstop}
                """));
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 1;
        EarlyStoppingService down = new EarlyStoppingService() {
            @Override
            public GetEarlyStoppingRulesReply getEarlyStoppingRules(GetEarlyStoppingRulesRequest request) {
                throw Status.UNAVAILABLE.asRuntimeException();
            }

            @Override
            public void validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest request) {
            }
        };

        assertThatThrownBy(() -> sync.sync(experiment, suggestion, List.of(), request -> reply(1, ""),
                new SuggestionSync.EarlyStopping(down, "db:6789"))).isInstanceOf(StatusRuntimeException.class);
        assertThat(suggestion.status.suggestions).isNullOrEmpty();
    }
}

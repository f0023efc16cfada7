package dev.quarkflow.katib.suggestion.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.Goal;
import dev.quarkflow.katib.suggestion.domain.ParameterDef;
import dev.quarkflow.katib.suggestion.domain.ParameterKind;
import dev.quarkflow.katib.suggestion.domain.Settings;
import dev.quarkflow.katib.suggestion.domain.Suggestion;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.TrialDef;
import dev.quarkflow.katib.suggestion.domain.TrialState;

class PopulationBasedTrainingTest {

    @TempDir
    Path dataDir;

    private final List<ParameterDef> space = List.of(
            ParameterDef.range("lr", ParameterKind.DOUBLE, "0.01", "0.1").withStep("0.01"),
            ParameterDef.choice("opt", ParameterKind.CATEGORICAL, "sgd", "adam", "rms"));
    private final Settings settings = Settings.of("suggestion_trial_dir", "/var/log/katib/checkpoints/",
            "n_population", "5", "truncation_threshold", "0.4", "random_state", "1");

    private PopulationBasedTraining pbt() {
        return new PopulationBasedTraining(new PbtCheckpoints(dataDir));
    }

    private ExperimentDef experiment(Settings s) {
        return Fixtures.experiment("pbt", space, Goal.MAXIMIZE, s, 5, 0, null);
    }

    @Test
    void validate_requiresItsSettings_andSteps() {
        assertThatThrownBy(() -> pbt().validate(experiment(Settings.of("n_population", "5"))))
                .hasMessageContaining("Required params missing: suggestion_trial_dir, truncation_threshold");
        assertThatThrownBy(() -> pbt().validate(experiment(settings.with("n_population", "4"))))
                .hasMessageContaining("n_population");
        assertThatThrownBy(() -> pbt().validate(experiment(settings.with("truncation_threshold", "1.5"))))
                .hasMessageContaining("truncation_threshold");
        assertThatThrownBy(() -> pbt().validate(experiment(settings.with("resample_probability", "2"))))
                .hasMessageContaining("resample_probability");
        var noStep = List.of(ParameterDef.range("lr", ParameterKind.DOUBLE, "0.01", "0.1"));
        assertThatThrownBy(() -> pbt().validate(Fixtures.experiment("pbt", noStep, settings)))
                .hasMessageContaining("feasible_space.step");
    }

    @Test
    void generations_areKeptInLabels_childrenCopyTheirParentsCheckpoint() throws Exception {
        var pbt = pbt();
        var exp = experiment(settings);
        List<TrialDef> trials = new ArrayList<>();

        var first = pbt.suggest(new SuggestionRequest(exp, trials, 5)).suggestions();
        for (int i = 0; i < first.size(); i++) {
            Suggestion s = first.get(i);
            Files.writeString(dataDir.resolve("exp").resolve(s.trialName()).resolve("ckpt"), "step " + i);
            trials.add(finished(s, Double.parseDouble(s.assignments().get("lr"))));
        }
        var second = pbt.suggest(new SuggestionRequest(exp, trials, 5)).suggestions();

        assertThat(first).allSatisfy(s -> {
            assertThat(s.trialName()).startsWith("exp-");
            assertThat(s.labels()).containsEntry(PopulationBasedTraining.GENERATION_LABEL, "0")
                    .doesNotContainKey(PopulationBasedTraining.PARENT_LABEL);
        });
        assertThat(second).hasSize(5).allSatisfy(s -> {
            assertThat(s.labels()).containsEntry(PopulationBasedTraining.GENERATION_LABEL, "1");
            String parent = s.labels().get(PopulationBasedTraining.PARENT_LABEL);
            assertThat(first).extracting(Suggestion::trialName).contains(parent);
            assertThat(Files.readString(dataDir.resolve("exp").resolve(s.trialName()).resolve("ckpt")))
                    .isEqualTo(Files.readString(dataDir.resolve("exp").resolve(parent).resolve("ckpt")));
        });
        assertThat(second).extracting(s -> s.labels().get(PopulationBasedTraining.PARENT_LABEL))
                .doesNotHaveDuplicates();
    }

    @Test
    void failedMembers_areRetriedWithTheSameValuesAndLabels() {
        var pbt = pbt();
        var exp = experiment(settings);
        var first = pbt.suggest(new SuggestionRequest(exp, List.of(), 5)).suggestions();
        List<TrialDef> trials = new ArrayList<>();
        for (Suggestion s : first) {
            trials.add(new TrialDef(s.trialName(), s.assignments(), s.labels(), TrialState.RUNNING, "", "", Map.of()));
        }
        Suggestion failed = first.get(2);
        trials.set(2, new TrialDef(failed.trialName(), failed.assignments(), failed.labels(), TrialState.FAILED, "",
                "", Map.of()));

        var next = pbt.suggest(new SuggestionRequest(exp, trials, 1)).suggestions();

        assertThat(next).hasSize(1);
        assertThat(next.get(0).assignments()).isEqualTo(failed.assignments());
        assertThat(next.get(0).labels()).containsAllEntriesOf(failed.labels())
                .containsEntry(PopulationBasedTraining.RETRY_OF_LABEL, failed.trialName());
        assertThat(next.get(0).trialName()).isNotEqualTo(failed.trialName());
    }

    @Test
    void answersTheRequestedCount_evenWhenNoMemberIsReady() {
        var pbt = pbt();
        var exp = experiment(settings);
        var first = pbt.suggest(new SuggestionRequest(exp, List.of(), 5)).suggestions();
        List<TrialDef> trials = new ArrayList<>();
        Map<String, String> scores = new HashMap<>();
        for (Suggestion s : first) {
            trials.add(finished(s, 0.5));
            scores.put(s.trialName(), "0.5");
        }
        trials.addAll(pbt.suggest(new SuggestionRequest(exp, trials, 5)).suggestions().stream()
                .map(s -> new TrialDef(s.trialName(), s.assignments(), s.labels(), TrialState.RUNNING, "", "",
                        Map.of()))
                .toList());

        var extra = pbt.suggest(new SuggestionRequest(exp, trials, 3)).suggestions();

        assertThat(extra).hasSize(3).allSatisfy(s -> assertThat(s.labels())
                .containsEntry(PopulationBasedTraining.GENERATION_LABEL, "1"));
    }

    private static TrialDef finished(Suggestion s, double value) {
        return new TrialDef(s.trialName(), s.assignments(), s.labels(), TrialState.SUCCEEDED, "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z", Map.of(Fixtures.METRIC, Double.toString(value)));
    }
}

package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;

class TrialPlannerTest {

    private static TrialPlanner.Plan plan(Experiment experiment, List<Trial> trials) {
        ExperimentStatusCalculator.update(experiment, trials, "t");
        return TrialPlanner.plan(experiment, trials);
    }

    @Test
    void fillsUpToParallelTrialCount() {
        Experiment experiment = TestExperiments.defaulted();

        assertThat(plan(experiment, List.of())).isEqualTo(new TrialPlanner.Plan(2, 2, 0));
        assertThat(plan(experiment, List.of(TestTrials.running(experiment, "a"))))
                .isEqualTo(new TrialPlanner.Plan(2, 1, 0));
    }

    @Test
    void neverPlansBeyondMaxTrialCount() {
        Experiment experiment = TestExperiments.defaulted();
        experiment.spec.objective.goal = null;
        List<Trial> trials = List.of(TestTrials.succeeded(experiment, "a", "1"),
                TestTrials.succeeded(experiment, "b", "1"), TestTrials.running(experiment, "c"));

        assertThat(plan(experiment, trials)).isEqualTo(new TrialPlanner.Plan(4, 1, 0));
    }

    @Test
    void tooManyActiveTrials_areToBeDeleted() {
        Experiment experiment = TestExperiments.defaulted();
        experiment.spec.parallelTrialCount = 1;

        assertThat(plan(experiment, List.of(TestTrials.running(experiment, "a"), TestTrials.running(experiment, "b")))
                .trialsToDelete()).isEqualTo(1);
    }

    @Test
    void suggestionAlreadyHoldingItsRequests_needsNoCall_andOnlyNewAssignmentsBecomeTrials() {
        Experiment experiment = TestExperiments.defaulted();
        Suggestion suggestion = new Suggestion();
        suggestion.spec.requests = 4;
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            Suggestion.TrialAssignment assignment = new Suggestion.TrialAssignment();
            assignment.name = name;
            suggestion.status.mutableSuggestions().add(assignment);
        }
        suggestion.status.suggestionCount = 6;

        assertThat(TrialPlanner.toRequest(suggestion)).isZero();
        assertThat(TrialPlanner.withoutTrial(suggestion, List.of(TestTrials.running(experiment, "a"))))
                .extracting(a -> a.name).containsExactly("b", "c", "d", "e", "f");
    }
}

package dev.quarkflow.katib.controller.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;

/**
 * How many trials an experiment wants next (facts §6.8): keep {@code parallelTrialCount} active, never beyond
 * {@code maxTrialCount} completed; the Suggestion's {@code requests} = trials + to add − early-stopped trials still
 * without an observation. Runs on a status fresh from {@link ExperimentStatusCalculator#update}.
 */
public final class TrialPlanner {

    private TrialPlanner() {
    }

    /** What to do next: how many assignments the Suggestion should hold, and how many trials too many are active. */
    public record Plan(int suggestionRequests, int trialsToAdd, int trialsToDelete) {
    }

    public static Plan plan(Experiment experiment, List<Trial> trials) {
        ExperimentStatus status = experiment.status();
        int parallel = experiment.spec.parallelTrialCount;
        int active = status.trialsPending + status.trialsRunning;
        int completed = status.trialsSucceeded + status.trialsFailed + status.trialsKilled + status.trialsEarlyStopped;
        if (active > parallel) {
            return new Plan(-1, 0, active - parallel);
        }
        int add = 0;
        if (active < parallel) {
            int required = experiment.spec.maxTrialCount == null ? parallel
                    : Math.min(parallel, experiment.spec.maxTrialCount - completed);
            add = Math.max(0, required - active);
        }
        int incompleteEarlyStopped = (int) trials.stream()
                .filter(t -> TrialStates.isEarlyStopped(t) && !TrialStates.isObservationAvailable(t)).count();
        return new Plan(trials.size() + add - incompleteEarlyStopped, add, 0);
    }

    /** How many assignments to ask the algorithm service for now: requested but not yet received. */
    public static int toRequest(Suggestion suggestion) {
        return Math.max(0, suggestion.spec.requests - suggestion.status.suggestionCount);
    }

    /** Received assignments that have no trial yet, in the order they came. */
    public static List<Suggestion.TrialAssignment> withoutTrial(Suggestion suggestion, List<Trial> trials) {
        Set<String> existing = new HashSet<>();
        trials.forEach(t -> existing.add(t.name()));
        return suggestion.status.mutableSuggestions().stream().filter(a -> !existing.contains(a.name)).toList();
    }
}

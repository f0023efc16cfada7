package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

/** One GetSuggestions call: the experiment, every trial so far, and how many assignments to return. */
public record SuggestionRequest(ExperimentDef experiment, List<TrialDef> trials, int count) {

    public SuggestionRequest {
        trials = List.copyOf(trials);
    }
}

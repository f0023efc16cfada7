package dev.quarkflow.katib.suggestion.domain;

import java.util.List;
import java.util.Optional;

/**
 * What an algorithm answers: the suggestions and, for algorithms that keep their state in the reply (hyperband),
 * the settings the controller must send back next time.
 */
public record SuggestionResult(List<Suggestion> suggestions, Optional<Settings> algorithmSettings) {

    public SuggestionResult {
        suggestions = List.copyOf(suggestions);
    }

    public static SuggestionResult of(List<Suggestion> suggestions) {
        return new SuggestionResult(suggestions, Optional.empty());
    }
}

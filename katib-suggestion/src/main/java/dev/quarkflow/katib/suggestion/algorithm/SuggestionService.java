package dev.quarkflow.katib.suggestion.algorithm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.common.error.ErrorCode;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;

/** Routes a request to its algorithm, validates first, and enforces the exact reply count Katib's controller needs. */
@ApplicationScoped
public class SuggestionService {

    private final AlgorithmRegistry registry;

    public SuggestionService(AlgorithmRegistry registry) {
        this.registry = registry;
    }

    public void validate(ExperimentDef experiment) {
        registry.byName(experiment.algorithmName()).validate(experiment);
    }

    public SuggestionResult suggest(SuggestionRequest request) {
        if (request.count() < 0) {
            throw QuarkflowException.invalidArgument("current_request_number",
                    "must not be negative, got " + request.count());
        }
        SearchAlgorithm algorithm = registry.byName(request.experiment().algorithmName());
        algorithm.validate(request.experiment());
        if (request.count() == 0) {
            return SuggestionResult.of(java.util.List.of());
        }
        SuggestionResult result = algorithm.suggest(request);
        if (result.suggestions().size() != request.count()) {
            throw QuarkflowException.of(ErrorCode.INTERNAL, null, "algorithm " + algorithm.name() + " produced "
                    + result.suggestions().size() + " assignments for " + request.count() + " requested");
        }
        return result;
    }
}

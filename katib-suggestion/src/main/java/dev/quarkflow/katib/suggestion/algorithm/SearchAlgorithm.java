package dev.quarkflow.katib.suggestion.algorithm;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.SuggestionResult;

/**
 * One Katib search algorithm, registered under upstream's algorithm name. Adding an algorithm is one
 * {@code @ApplicationScoped} class implementing this; the gRPC layer and the registry are shared. Implementations
 * are stateless: every call carries the experiment and all its trials.
 *
 * <pre>{@code
 * &#64;ApplicationScoped
 * public class RandomSearch implements SearchAlgorithm {
 *     public String name() { return "random"; }
 *     ...
 * }
 * }</pre>
 */
public interface SearchAlgorithm {

    /** Upstream's {@code algorithmName}. */
    String name();

    /** Checks settings and search space; throws an INVALID_ARGUMENT {@code QuarkflowException} naming the field. */
    void validate(ExperimentDef experiment);

    /**
     * Exactly {@code request.count()} suggestions (the caller checks), given an experiment that passed
     * {@link #validate}.
     */
    SuggestionResult suggest(SuggestionRequest request);
}

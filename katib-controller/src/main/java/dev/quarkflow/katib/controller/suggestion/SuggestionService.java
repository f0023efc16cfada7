package dev.quarkflow.katib.controller.suggestion;

import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsRequest;

/**
 * An algorithm service speaking {@code api.v1.beta1.Suggestion} (ours, upstream's images, or any other). Failures are
 * gRPC {@link io.grpc.StatusRuntimeException}s.
 */
@FunctionalInterface
public interface SuggestionService {

    GetSuggestionsReply getSuggestions(GetSuggestionsRequest request);

    /** Upstream treats UNIMPLEMENTED as "nothing to validate"; services that cannot validate need not override. */
    default void validateAlgorithmSettings(ValidateAlgorithmSettingsRequest request) {
    }
}

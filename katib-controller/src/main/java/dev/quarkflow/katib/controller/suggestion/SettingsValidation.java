package dev.quarkflow.katib.controller.suggestion;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsRequest;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Upstream's check before the first suggestion: {@code ValidateAlgorithmSettings}, then (with early stopping)
 * {@code ValidateEarlyStoppingSettings}. INVALID_ARGUMENT and UNKNOWN refuse the experiment, UNIMPLEMENTED counts as
 * valid, UNAVAILABLE and DEADLINE_EXCEEDED are retried, any other code counts as valid as upstream (facts §2,
 * "Validation status codes").
 */
public final class SettingsValidation {

    private SettingsValidation() {
    }

    public enum Result {
        VALID,
        INVALID,
        RETRY
    }

    /** @param message what the service said, for the condition or the retry note; null when valid */
    public record Outcome(Result result, String message) {
    }

    /** @param earlyStopping asked only when the experiment has {@code earlyStopping} */
    public static Outcome validate(Experiment experiment, SuggestionService suggestions,
            EarlyStoppingService earlyStopping) {
        try {
            suggestions.validateAlgorithmSettings(ValidateAlgorithmSettingsRequest.newBuilder()
                    .setExperiment(ProtoMapper.experiment(experiment, null)).build());
        } catch (StatusRuntimeException e) {
            Outcome outcome = outcome("ValidateAlgorithmSettings", e);
            if (outcome != null) {
                return outcome;
            }
        }
        if (experiment.spec.earlyStopping != null) {
            try {
                earlyStopping.validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest.newBuilder()
                        .setEarlyStopping(ProtoMapper.experiment(experiment, null).getSpec().getEarlyStopping())
                        .build());
            } catch (StatusRuntimeException e) {
                Outcome outcome = outcome("ValidateEarlyStoppingSettings", e);
                if (outcome != null) {
                    return outcome;
                }
            }
        }
        return new Outcome(Result.VALID, null);
    }

    private static Outcome outcome(String call, StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            case INVALID_ARGUMENT, UNKNOWN -> new Outcome(Result.INVALID,
                    call + " Error: " + e.getStatus().getDescription());
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new Outcome(Result.RETRY, call + ": " + e.getStatus());
            // upstream logs any other code (INTERNAL from goptuna on a bad space) and carries on as validated
            default -> null;
        };
    }
}

package dev.quarkflow.katib.controller.suggestion;

import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;

/**
 * An early-stopping service speaking {@code api.v1.beta1.EarlyStopping} (katib-suggestion's {@code medianstop} on
 * 6788, or upstream's image). Failures are gRPC {@link io.grpc.StatusRuntimeException}s. {@code SetTrialStatus} is not
 * used: the controller marks early-stopped trials itself.
 */
public interface EarlyStoppingService {

    GetEarlyStoppingRulesReply getEarlyStoppingRules(GetEarlyStoppingRulesRequest request);

    void validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest request);
}

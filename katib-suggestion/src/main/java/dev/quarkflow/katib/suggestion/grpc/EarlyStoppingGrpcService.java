package dev.quarkflow.katib.suggestion.grpc;

import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.earlystopping.MedianStop;
import dev.quarkflow.proto.katib.ComparisonType;
import dev.quarkflow.proto.katib.EarlyStopping;
import dev.quarkflow.proto.katib.EarlyStoppingRule;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.SetTrialStatusReply;
import dev.quarkflow.proto.katib.SetTrialStatusRequest;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsReply;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.Status;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code api.v1.beta1.EarlyStopping} with {@code medianstop}. The objective's values come from the DB manager the
 * request names. SetTrialStatus needs write access to Trial resources in Kubernetes, which this service does not
 * have: it answers UNIMPLEMENTED (Quarkflow's katib-controller records early-stopped trials itself).
 */
@GrpcService
@Blocking
public class EarlyStoppingGrpcService implements EarlyStopping {

    private final ObservationLogClient logs;

    public EarlyStoppingGrpcService(ObservationLogClient logs) {
        this.logs = logs;
    }

    @Override
    public Uni<GetEarlyStoppingRulesReply> getEarlyStoppingRules(GetEarlyStoppingRulesRequest request) {
        return GrpcCalls.call("GetEarlyStoppingRules", () -> rules(request,
                request.getExperiment().getSpec().getEarlyStopping().getAlgorithmName()));
    }

    @WithSpan("katib.earlystopping.GetEarlyStoppingRules")
    GetEarlyStoppingRulesReply rules(GetEarlyStoppingRulesRequest request,
            @SpanAttribute("katib.algorithm") String algorithm) {
        var spec = request.getExperiment().getSpec().getEarlyStopping();
        var settings = ProtoMapping.earlyStoppingSettings(spec.getAlgorithmSettingsList());
        MedianStop.validate(spec.getAlgorithmName(), settings);
        ExperimentDef experiment = ProtoMapping.experiment(request.getExperiment());
        var trials = request.getTrialsList().stream().map(ProtoMapping::trial).toList();
        String metric = experiment.objectiveMetric();
        var rule = MedianStop.rule(settings, experiment.goal(), metric, trials,
                name -> logs.values(request.getDbManagerAddress(), name, metric));
        var reply = GetEarlyStoppingRulesReply.newBuilder();
        rule.ifPresent(r -> reply.addEarlyStoppingRules(EarlyStoppingRule.newBuilder().setName(r.name())
                .setValue(r.value()).setStartStep(r.startStep()).setComparison(
                        r.comparison() == MedianStop.Comparison.LESS ? ComparisonType.LESS : ComparisonType.GREATER)));
        return reply.build();
    }

    @Override
    public Uni<ValidateEarlyStoppingSettingsReply> validateEarlyStoppingSettings(
            ValidateEarlyStoppingSettingsRequest request) {
        return GrpcCalls.call("ValidateEarlyStoppingSettings", () -> {
            MedianStop.validate(request.getEarlyStopping().getAlgorithmName(),
                    ProtoMapping.earlyStoppingSettings(request.getEarlyStopping().getAlgorithmSettingsList()));
            return ValidateEarlyStoppingSettingsReply.getDefaultInstance();
        });
    }

    @Override
    public Uni<SetTrialStatusReply> setTrialStatus(SetTrialStatusRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.withDescription("trial_name: " + request.getTrialName()
                + " cannot be marked EarlyStopped here: this service has no Kubernetes access; the controller "
                + "records early-stopped trials").asRuntimeException());
    }
}

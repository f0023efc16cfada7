package dev.quarkflow.katib.suggestion.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.katib.ComparisonType;
import dev.quarkflow.proto.katib.DBManagerGrpc;
import dev.quarkflow.proto.katib.EarlyStoppingGrpc;
import dev.quarkflow.proto.katib.EarlyStoppingSetting;
import dev.quarkflow.proto.katib.EarlyStoppingSpec;
import dev.quarkflow.proto.katib.Experiment;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.GetObservationLogReply;
import dev.quarkflow.proto.katib.GetObservationLogRequest;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.MetricLog;
import dev.quarkflow.proto.katib.ObservationLog;
import dev.quarkflow.proto.katib.ParameterType;
import dev.quarkflow.proto.katib.SetTrialStatusRequest;
import dev.quarkflow.proto.katib.TrialStatus.TrialConditionType;
import dev.quarkflow.proto.katib.ValidateEarlyStoppingSettingsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;

/** medianstop over the separate early-stopping port, reading logs from a DB manager as Katib's does. */
@QuarkusTest
class EarlyStoppingGrpcServiceTest {

    @Inject
    EarlyStoppingServer earlyStoppingServer;

    private Server dbManager;
    private ManagedChannel channel;
    private EarlyStoppingGrpc.EarlyStoppingBlockingStub stub;

    /** Accuracy logs per trial: t1 averages 0.2, t2 0.4, t3 0.6 over the first 2 reports. */
    private static final Map<String, List<String>> LOGS = Map.of("t1", List.of("0.1", "0.3", "0.9"), "t2",
            List.of("0.3", "0.5", "0.9"), "t3", List.of("unavailable", "0.5", "0.7"));

    @BeforeEach
    void start() throws IOException {
        dbManager = NettyServerBuilder.forPort(0).addService(new DBManagerGrpc.DBManagerImplBase() {
            @Override
            public void getObservationLog(GetObservationLogRequest request,
                    StreamObserver<GetObservationLogReply> observer) {
                ObservationLog.Builder log = ObservationLog.newBuilder();
                for (String v : LOGS.getOrDefault(request.getTrialName(), List.of())) {
                    log.addMetricLogs(MetricLog.newBuilder().setTimeStamp("2026-01-01T00:00:00Z")
                            .setMetric(Metric.newBuilder().setName(request.getMetricName()).setValue(v)));
                }
                observer.onNext(GetObservationLogReply.newBuilder().setObservationLog(log).build());
                observer.onCompleted();
            }
        }).build().start();
        channel = ManagedChannelBuilder.forAddress("localhost", earlyStoppingServer.port()).usePlaintext().build();
        stub = EarlyStoppingGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        dbManager.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Experiment experiment(Map<String, String> settings) {
        EarlyStoppingSpec.Builder spec = EarlyStoppingSpec.newBuilder().setAlgorithmName("medianstop");
        settings.forEach((k, v) -> spec.addAlgorithmSettings(EarlyStoppingSetting.newBuilder().setName(k).setValue(v)));
        Experiment base = KatibProtos.experiment("random",
                List.of(KatibProtos.range("lr", ParameterType.DOUBLE, "0.01", "0.1")), Map.of(), 0);
        return base.toBuilder().setSpec(base.getSpec().toBuilder().setEarlyStopping(spec)).build();
    }

    @Test
    void rules_averageTheFirstStartStepValues_ofSucceededTrials() {
        var request = GetEarlyStoppingRulesRequest.newBuilder()
                .setExperiment(experiment(Map.of("min_trials_required", "3", "start_step", "2")))
                .setDbManagerAddress("localhost:" + dbManager.getPort());
        for (String name : List.of("t1", "t2", "t3")) {
            request.addTrials(KatibProtos.trial(name, Map.of("lr", "0.05"), TrialConditionType.SUCCEEDED, "0.9"));
        }
        request.addTrials(KatibProtos.trial("t4", Map.of("lr", "0.05"), TrialConditionType.RUNNING, "0.1"));

        var reply = stub.getEarlyStoppingRules(request.build());

        assertThat(reply.getEarlyStoppingRulesList()).singleElement().satisfies(rule -> {
            assertThat(rule.getName()).isEqualTo("accuracy");
            assertThat(Double.parseDouble(rule.getValue())).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(rule.getComparison()).isEqualTo(ComparisonType.LESS);
            assertThat(rule.getStartStep()).isEqualTo(2);
        });
    }

    @Test
    void rules_areEmpty_belowMinTrialsRequired() {
        var request = GetEarlyStoppingRulesRequest.newBuilder().setExperiment(experiment(Map.of()))
                .setDbManagerAddress("localhost:" + dbManager.getPort())
                .addTrials(KatibProtos.trial("t1", Map.of("lr", "0.05"), TrialConditionType.FAILED, "0.9"))
                .addTrials(KatibProtos.trial("t2", Map.of("lr", "0.05"), TrialConditionType.RUNNING, "0.9"));

        assertThat(stub.getEarlyStoppingRules(request.build()).getEarlyStoppingRulesList()).isEmpty();
    }

    @Test
    void validate_rejectsBadSettings_withUpstreamMessages() {
        assertThatThrownBy(() -> validate("medianstop", Map.of("min_trials_required", "0")))
                .hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("min_trials_required must be greater than zero (>0)");
        assertThatThrownBy(() -> validate("medianstop", Map.of("start_step", "0")))
                .hasMessageContaining("start_step must be greater or equal than one (>=1)");
        assertThatThrownBy(() -> validate("medianstop", Map.of("unknown_conf", "1")))
                .hasMessageContaining("unknown setting unknown_conf for algorithm medianstop");
        assertThatThrownBy(() -> validate("unknown", Map.of())).hasMessageContaining("unknown algorithm name unknown");
        validate("medianstop", Map.of("min_trials_required", "2", "start_step", "5"));
    }

    @Test
    void badDbManagerAddress_isInvalidArgument_andSetTrialStatusIsUnimplemented() {
        var request = GetEarlyStoppingRulesRequest.newBuilder().setExperiment(experiment(Map.of()))
                .setDbManagerAddress("no-port")
                .addTrials(KatibProtos.trial("t1", Map.of("lr", "0.05"), TrialConditionType.SUCCEEDED, "0.9"));

        assertThatThrownBy(() -> stub.getEarlyStoppingRules(request.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("db_manager_address:");
                });
        assertThatThrownBy(() -> stub.setTrialStatus(SetTrialStatusRequest.newBuilder().setTrialName("t1").build()))
                .hasMessageContaining("UNIMPLEMENTED");
    }

    private void validate(String algorithm, Map<String, String> settings) {
        EarlyStoppingSpec.Builder spec = EarlyStoppingSpec.newBuilder().setAlgorithmName(algorithm);
        settings.forEach((k, v) -> spec.addAlgorithmSettings(EarlyStoppingSetting.newBuilder().setName(k).setValue(v)));
        stub.validateEarlyStoppingSettings(ValidateEarlyStoppingSettingsRequest.newBuilder().setEarlyStopping(spec)
                .build());
    }
}

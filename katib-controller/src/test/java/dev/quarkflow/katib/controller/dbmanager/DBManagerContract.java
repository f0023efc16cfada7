package dev.quarkflow.katib.controller.dbmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.katib.DBManagerGrpc;
import dev.quarkflow.proto.katib.DeleteObservationLogRequest;
import dev.quarkflow.proto.katib.GetObservationLogRequest;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.MetricLog;
import dev.quarkflow.proto.katib.ObservationLog;
import dev.quarkflow.proto.katib.ReportObservationLogRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * DBManager's gRPC contract over a real socket (gRPC shares the random test HTTP port), run once per database by the
 * subclasses.
 */
abstract class DBManagerContract {

    @TestHTTPResource
    URL url;

    private ManagedChannel channel;
    private DBManagerGrpc.DBManagerBlockingStub db;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext().build();
        db = DBManagerGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    private static MetricLog log(String time, String name, String value) {
        return MetricLog.newBuilder().setTimeStamp(time).setMetric(Metric.newBuilder().setName(name).setValue(value))
                .build();
    }

    private void report(String trial, MetricLog... logs) {
        db.reportObservationLog(ReportObservationLogRequest.newBuilder().setTrialName(trial)
                .setObservationLog(ObservationLog.newBuilder().addAllMetricLogs(List.of(logs))).build());
    }

    private List<String> get(GetObservationLogRequest request) {
        return db.getObservationLog(request).getObservationLog().getMetricLogsList().stream()
                .map(l -> l.getTimeStamp() + " " + l.getMetric().getName() + "=" + l.getMetric().getValue()).toList();
    }

    @Test
    void reportedLogs_comeBackInTimeOrder_inUtc_skippingEntriesWithoutTime() {
        report("trial-a",
                log("2024-03-01T10:00:02.500+01:00", "loss", "0.4"),
                log("2024-03-01T09:00:01Z", "loss", "0.5"),
                log("", "loss", "ignored"),
                log("2024-03-01T09:00:03.123456789Z", "accuracy", "unavailable"));

        assertThat(get(GetObservationLogRequest.newBuilder().setTrialName("trial-a").build())).containsExactly(
                "2024-03-01T09:00:01Z loss=0.5",
                "2024-03-01T09:00:02.5Z loss=0.4",
                "2024-03-01T09:00:03.123456Z accuracy=unavailable");
    }

    @Test
    void get_filtersByMetricAndInclusiveBounds_andUnknownTrialIsEmpty() {
        report("trial-b", log("2024-03-01T09:00:01Z", "loss", "3"), log("2024-03-01T09:00:02Z", "loss", "2"),
                log("2024-03-01T09:00:03Z", "loss", "1"), log("2024-03-01T09:00:02Z", "accuracy", "0.5"));

        assertThat(get(GetObservationLogRequest.newBuilder().setTrialName("trial-b").setMetricName("loss")
                .setStartTime("2024-03-01T09:00:02Z").setEndTime("2024-03-01T09:00:03Z").build()))
                .containsExactly("2024-03-01T09:00:02Z loss=2", "2024-03-01T09:00:03Z loss=1");
        assertThat(get(GetObservationLogRequest.newBuilder().setTrialName("nobody").build())).isEmpty();
    }

    @Test
    void delete_removesOnlyThatTrialsLogs() {
        report("trial-c", log("2024-03-01T09:00:01Z", "loss", "3"));
        report("trial-d", log("2024-03-01T09:00:01Z", "loss", "4"));

        db.deleteObservationLog(DeleteObservationLogRequest.newBuilder().setTrialName("trial-c").build());

        assertThat(get(GetObservationLogRequest.newBuilder().setTrialName("trial-c").build())).isEmpty();
        assertThat(get(GetObservationLogRequest.newBuilder().setTrialName("trial-d").build())).hasSize(1);
    }

    @Test
    void badTimestamp_isInvalidArgumentNamingTheEntry_andStoresNothing() {
        assertThatThrownBy(() -> report("trial-e", log("2024-03-01T09:00:01Z", "loss", "3"),
                log("yesterday", "loss", "4")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("observation_log.metric_logs[1].time_stamp");
                });

        assertThat(get(GetObservationLogRequest.newBuilder().setTrialName("trial-e").build())).isEmpty();
    }
}

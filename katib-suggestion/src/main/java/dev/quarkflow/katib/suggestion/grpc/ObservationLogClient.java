package dev.quarkflow.katib.suggestion.grpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.katib.DBManagerGrpc;
import dev.quarkflow.proto.katib.GetObservationLogRequest;
import dev.quarkflow.proto.katib.MetricLog;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;

/**
 * Reads a trial's metric values from the Katib DB manager named in the request ({@code host:port}), oldest first.
 * One channel per address; every call has a deadline.
 */
@ApplicationScoped
public class ObservationLogClient {

    private static final long DEADLINE_SECONDS = 30;

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public List<String> values(String address, String trialName, String metricName) {
        var stub = DBManagerGrpc.newBlockingStub(channel(address)).withDeadlineAfter(DEADLINE_SECONDS,
                TimeUnit.SECONDS);
        try {
            return stub.getObservationLog(GetObservationLogRequest.newBuilder().setTrialName(trialName)
                    .setMetricName(metricName).build()).getObservationLog().getMetricLogsList().stream()
                    .filter(l -> l.getMetric().getName().equals(metricName)).map(MetricLog::getMetric)
                    .map(m -> m.getValue()).toList();
        } catch (StatusRuntimeException e) {
            throw QuarkflowException.unavailable("db manager " + address + " answered " + e.getStatus().getCode()
                    + " for trial " + trialName);
        }
    }

    private ManagedChannel channel(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw QuarkflowException.invalidArgument("db_manager_address",
                    "must be host:port, got \"" + address + "\"");
        }
        try {
            Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument("db_manager_address",
                    "must be host:port, got \"" + address + "\"");
        }
        return channels.computeIfAbsent(address, a -> ManagedChannelBuilder.forTarget(a).usePlaintext().build());
    }

    @PreDestroy
    void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
    }
}

package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.proto.katib.DBManagerGrpc;
import dev.quarkflow.proto.katib.DeleteObservationLogReply;
import dev.quarkflow.proto.katib.DeleteObservationLogRequest;
import dev.quarkflow.proto.katib.GetObservationLogReply;
import dev.quarkflow.proto.katib.GetObservationLogRequest;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.ObservationLog;
import dev.quarkflow.proto.katib.ReportObservationLogReply;
import dev.quarkflow.proto.katib.ReportObservationLogRequest;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * The observation logs of a local run behind {@code api.v1.beta1.DBManager} on a free loopback port, for an
 * early-stopping service that reads them ({@code medianstop} averages the first steps of succeeded trials). The
 * runner reports what each trial printed; reads are ordered by time, equal times in report order. The service is
 * bound method by method rather than by subclassing the generated base class, so that Quarkus' gRPC server (which
 * serves the real DBManager in the same application) never mistakes this one for a service of its own.
 */
final class LocalDBManager implements AutoCloseable {

    private final Map<String, List<MetricLog>> logs = new ConcurrentHashMap<>();
    private final Server server;

    LocalDBManager() throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder(DBManagerGrpc.getServiceDescriptor())
                .addMethod(DBManagerGrpc.getReportObservationLogMethod(),
                        ServerCalls.asyncUnaryCall(this::reportObservationLog))
                .addMethod(DBManagerGrpc.getGetObservationLogMethod(), ServerCalls.asyncUnaryCall(this::getObservationLog))
                .addMethod(DBManagerGrpc.getDeleteObservationLogMethod(),
                        ServerCalls.asyncUnaryCall(this::deleteObservationLog))
                .build();
        server = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0)).addService(service)
                .build().start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    void report(String trial, List<MetricLog> reported) {
        logs.computeIfAbsent(trial, t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .addAll(reported.stream().filter(l -> l.timestamp() != null && !l.timestamp().isEmpty()).toList());
    }

    /** What was reported for the trial so far, in report order (Push trials and Custom collectors report here). */
    List<MetricLog> logs(String trial) {
        List<MetricLog> reported = logs.get(trial);
        if (reported == null) {
            return List.of();
        }
        synchronized (reported) {
            return List.copyOf(reported);
        }
    }

    private void reportObservationLog(ReportObservationLogRequest request,
            StreamObserver<ReportObservationLogReply> response) {
        List<MetricLog> reported = request.getObservationLog().getMetricLogsList().stream()
                .map(l -> new MetricLog(l.getTimeStamp(), l.getMetric().getName(), l.getMetric().getValue()))
                .toList();
        report(request.getTrialName(), reported);
        response.onNext(ReportObservationLogReply.getDefaultInstance());
        response.onCompleted();
    }

    private void getObservationLog(GetObservationLogRequest request, StreamObserver<GetObservationLogReply> response) {
        Instant start;
        Instant end;
        try {
            start = bound(request.getStartTime(), Instant.MIN);
            end = bound(request.getEndTime(), Instant.MAX);
        } catch (DateTimeParseException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("start_time/end_time: not an RFC 3339 time: "
                    + e.getParsedString()).asRuntimeException());
            return;
        }
        List<MetricLog> stored = new ArrayList<>(logs.getOrDefault(request.getTrialName(), List.of()));
        ObservationLog.Builder log = ObservationLog.newBuilder();
        stored.stream()
                .filter(l -> request.getMetricName().isEmpty() || request.getMetricName().equals(l.name()))
                .filter(l -> {
                    Instant time = OffsetDateTime.parse(l.timestamp()).toInstant();
                    return !time.isBefore(start) && !time.isAfter(end);
                })
                .sorted(Comparator.comparing(l -> OffsetDateTime.parse(l.timestamp()).toInstant()))
                .forEach(l -> log.addMetricLogs(dev.quarkflow.proto.katib.MetricLog.newBuilder()
                        .setTimeStamp(l.timestamp())
                        .setMetric(Metric.newBuilder().setName(l.name()).setValue(l.value()))));
        response.onNext(GetObservationLogReply.newBuilder().setObservationLog(log).build());
        response.onCompleted();
    }

    private void deleteObservationLog(DeleteObservationLogRequest request,
            StreamObserver<DeleteObservationLogReply> response) {
        logs.remove(request.getTrialName());
        response.onNext(DeleteObservationLogReply.getDefaultInstance());
        response.onCompleted();
    }

    private static Instant bound(String text, Instant open) {
        return text.isEmpty() ? open : OffsetDateTime.parse(text).toInstant();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}

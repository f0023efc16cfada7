package dev.quarkflow.katib.controller.dbmanager;

import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.proto.katib.DBManager;
import dev.quarkflow.proto.katib.DeleteObservationLogReply;
import dev.quarkflow.proto.katib.DeleteObservationLogRequest;
import dev.quarkflow.proto.katib.GetObservationLogReply;
import dev.quarkflow.proto.katib.GetObservationLogRequest;
import dev.quarkflow.proto.katib.Metric;
import dev.quarkflow.proto.katib.ObservationLog;
import dev.quarkflow.proto.katib.ReportObservationLogReply;
import dev.quarkflow.proto.katib.ReportObservationLogRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** {@code api.v1.beta1.DBManager}: translates the wire form to {@link ObservationLogStore} calls and back. */
@GrpcService
@Blocking
public class DBManagerGrpcService implements DBManager {

    private static final Logger LOG = Logger.getLogger(DBManagerGrpcService.class);

    private final ObservationLogStore store;

    public DBManagerGrpcService(ObservationLogStore store) {
        this.store = store;
    }

    @Override
    public Uni<ReportObservationLogReply> reportObservationLog(ReportObservationLogRequest request) {
        return call(() -> {
            List<MetricLog> logs = request.getObservationLog().getMetricLogsList().stream()
                    .map(log -> new MetricLog(log.getTimeStamp(), log.getMetric().getName(),
                            log.getMetric().getValue()))
                    .toList();
            store.report(request.getTrialName(), logs);
            return ReportObservationLogReply.getDefaultInstance();
        });
    }

    @Override
    public Uni<GetObservationLogReply> getObservationLog(GetObservationLogRequest request) {
        return call(() -> {
            ObservationLog.Builder log = ObservationLog.newBuilder();
            store.get(request.getTrialName(), request.getMetricName(), request.getStartTime(), request.getEndTime())
                    .forEach(entry -> log.addMetricLogs(dev.quarkflow.proto.katib.MetricLog.newBuilder()
                            .setTimeStamp(entry.timestamp())
                            .setMetric(Metric.newBuilder().setName(entry.name()).setValue(entry.value()))));
            return GetObservationLogReply.newBuilder().setObservationLog(log).build();
        });
    }

    @Override
    public Uni<DeleteObservationLogReply> deleteObservationLog(DeleteObservationLogRequest request) {
        return call(() -> {
            store.delete(request.getTrialName());
            return DeleteObservationLogReply.getDefaultInstance();
        });
    }

    private static <T> Uni<T> call(Supplier<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.get();
            } catch (QuarkflowException e) {
                throw e.toStatusException();
            } catch (RuntimeException e) {
                LOG.error("DBManager call failed", e);
                throw Status.INTERNAL.withDescription("internal error").asRuntimeException();
            }
        });
    }
}

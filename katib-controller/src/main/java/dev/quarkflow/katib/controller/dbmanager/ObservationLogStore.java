package dev.quarkflow.katib.controller.dbmanager;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.controller.metrics.MetricLog;

/**
 * The observation-log store behind DBManager (facts §8): entries without a timestamp are skipped, times are stored in
 * UTC with microseconds, values verbatim ({@code unavailable} included); reads are ordered by time; one request is one
 * transaction, so a rejected report stores nothing.
 */
@ApplicationScoped
public class ObservationLogStore {

    private final ObservationLogRepository repository;

    public ObservationLogStore(ObservationLogRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public void report(String trialName, List<MetricLog> logs) {
        requireTrial(trialName);
        List<ObservationLogEntity> rows = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            MetricLog log = logs.get(i);
            if (log.timestamp() == null || log.timestamp().isEmpty()) {
                continue;
            }
            int index = i;
            LocalDateTime time = Rfc3339.parseUtc(log.timestamp())
                    .orElseThrow(() -> QuarkflowException.invalidArgument(
                            "observation_log.metric_logs[" + index + "].time_stamp",
                            "not an RFC 3339 time: " + log.timestamp()))
                    .truncatedTo(ChronoUnit.MICROS);
            ObservationLogEntity row = new ObservationLogEntity();
            row.trialName = trialName;
            row.time = time;
            row.metricName = log.name() == null ? "" : log.name();
            row.value = log.value() == null ? "" : log.value();
            rows.add(row);
        }
        repository.persist(rows);
    }

    /** @param metricName, start, end optional (null or empty): filters, bounds inclusive */
    @Transactional
    public List<MetricLog> get(String trialName, String metricName, String start, String end) {
        requireTrial(trialName);
        LocalDateTime from = bound("start_time", start);
        LocalDateTime to = bound("end_time", end);
        return repository.find(trialName, blankToNull(metricName), from, to).stream()
                .map(row -> new MetricLog(Rfc3339.format(row.time), row.metricName, row.value)).toList();
    }

    @Transactional
    public long delete(String trialName) {
        requireTrial(trialName);
        return repository.deleteTrial(trialName);
    }

    private static LocalDateTime bound(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Rfc3339.parseUtc(value)
                .orElseThrow(() -> QuarkflowException.invalidArgument(field, "not an RFC 3339 time: " + value));
    }

    private static void requireTrial(String trialName) {
        if (trialName == null || trialName.isEmpty()) {
            throw QuarkflowException.invalidArgument("trial_name", "must be specified");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package dev.quarkflow.apiserver.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.store.ExperimentStore;
import dev.quarkflow.apiserver.store.PipelineSource;
import dev.quarkflow.apiserver.store.RecurringRunEntity;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.common.error.QuarkflowException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Fires recurring runs: every poll, each enabled recurring run whose next slot is due gets a real run through
 * {@link RunApi#insert} (so the run backend executes it), at most {@code max_concurrency} of its runs unfinished
 * at once, missed slots one by one unless {@code no_catchup}. Run names and ids as upstream's ScheduledWorkflow
 * controller makes them: {@code <name>-<index>-<hash>}, a UUID derived from the recurring run id and that name.
 */
@ApplicationScoped
public class RecurringRunScheduler {

    private static final Logger LOG = Logger.getLogger(RecurringRunScheduler.class);
    static final List<String> ACTIVE_STATES = List.of("PENDING", "RUNNING", "CANCELING", "PAUSED",
            "RUNTIME_STATE_UNSPECIFIED");
    /** Catch-up runs created for one recurring run per poll, so that a long outage does not flood at once. */
    static final int MAX_RUNS_PER_POLL = 10;
    private static final DateTimeFormatter MACRO_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final RunStore store;
    private final ExperimentStore experiments;
    private final RunApi runs;
    private final RecurringRunApi recurringRuns;
    private final ApiServerConfig config;
    private final Clock clock;

    RecurringRunScheduler(RunStore store, ExperimentStore experiments, RunApi runs, RecurringRunApi recurringRuns,
            ApiServerConfig config, Clock clock) {
        this.store = store;
        this.experiments = experiments;
        this.runs = runs;
        this.recurringRuns = recurringRuns;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "recurring-runs", every = "${quarkflow.api-server.recurring-runs.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<String> ids = QuarkusTransaction.requiringNew().call(store::enabledRecurringIds);
        for (String id : ids) {
            try {
                for (int i = 0; i < MAX_RUNS_PER_POLL && QuarkusTransaction.requiringNew().call(() -> fire(id)); i++) {
                    // fired one slot; look for the next
                }
            } catch (QuarkflowException | IllegalStateException e) {
                LOG.warnf("recurring run not fired recurring_run_id=%s: %s", id, e.getMessage());
            }
        }
    }

    /** Creates the run of the next due slot, if any and allowed; true when a run was created. */
    boolean fire(String id) {
        Optional<RecurringRunEntity> found = store.findRecurring(id);
        if (found.isEmpty() || !found.get().enabled) {
            return false;
        }
        RecurringRunEntity recurring = found.get();
        if (store.activeRunsOf(id, ACTIVE_STATES) >= recurring.maxConcurrency) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Instant> slot = recurringRuns.schedule(recurring).due(
                Optional.ofNullable(recurring.lastScheduledAt).map(Instant::ofEpochSecond), now);
        if (slot.isEmpty()) {
            return false;
        }
        long index = recurring.runCount + 1;
        String name = recurring.displayName + "-" + index + "-" + Integer.toUnsignedString(fnv32a(
                recurring.displayName + "-" + slot.get().getEpochSecond()));
        String runId = UUID.nameUUIDFromBytes((recurring.id + name).getBytes(StandardCharsets.UTF_8)).toString();
        var experiment = experiments.find(recurring.experimentId).orElseThrow(() -> new IllegalStateException(
                "experiment " + recurring.experimentId + " of recurring run " + id + " is gone"));
        runs.insert(experiment, new RunApi.NewRun(runId, name, recurring.description, experiment.id,
                withMacros(recurring.source, index, slot.get(), now, config.recurringRuns().timeZone()),
                slot.get().getEpochSecond(), recurring.id, recurring.pluginsInput));
        recurring.lastScheduledAt = slot.get().getEpochSecond();
        recurring.runCount = index;
        LOG.infof("recurring run fired recurring_run_id=%s run_id=%s scheduled_at=%s", id, runId, slot.get());
        return true;
    }

    /**
     * A copy of the source whose parameters have {@code [[Index]]}, {@code [[ScheduledTime]]}, {@code [[CurrentTime]]}
     * expanded.
     */
    static PipelineSource withMacros(PipelineSource template, long index, Instant scheduled, Instant now, ZoneId zone) {
        PipelineSource source = new PipelineSource();
        source.kind = template.kind;
        source.pipelineId = template.pipelineId;
        source.pipelineVersionId = template.pipelineVersionId;
        source.pipelineSpec = template.pipelineSpec;
        source.platformSpec = template.platformSpec;
        source.pipelineRoot = template.pipelineRoot;
        source.serviceAccount = template.serviceAccount;
        source.runtimeParameters = template.runtimeParameters == null ? null
                : template.runtimeParameters.replace("[[Index]]", Long.toString(index))
                        .replace("[[ScheduledTime]]", MACRO_TIME.format(scheduled.atZone(zone)))
                        .replace("[[CurrentTime]]", MACRO_TIME.format(now.atZone(zone)));
        return source;
    }

    /** FNV-1a, 32 bits, of the UTF-8 bytes. */
    static int fnv32a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }

}

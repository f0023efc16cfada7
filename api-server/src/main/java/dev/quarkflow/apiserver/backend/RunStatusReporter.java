package dev.quarkflow.apiserver.backend;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.google.rpc.Status;

import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.store.RunEntity;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.apiserver.store.StateChange;
import dev.quarkflow.apiserver.store.TaskArtifact;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.RunDetails;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;

/**
 * How a backend reports what a run does: each state change is persisted with a state-history entry, and
 * {@code finished_at} is set when the state is terminal. Survives restarts because it is all in the database.
 */
@ApplicationScoped
public class RunStatusReporter {

    private static final Logger LOG = Logger.getLogger(RunStatusReporter.class);
    public static final Set<RuntimeState> TERMINAL = Set.of(RuntimeState.SUCCEEDED, RuntimeState.FAILED,
            RuntimeState.SKIPPED, RuntimeState.CANCELED);

    private final RunStore store;
    private final Clock clock;

    RunStatusReporter(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records the run's new state, its error (for FAILED) and its task details, when given.
     *
     * @throws QuarkflowException NOT_FOUND when the run was deleted meanwhile
     */
    @Transactional
    public void report(String runId, RuntimeState state, Optional<Status> error, Optional<RunDetails> details) {
        report(runId, state, error, details, Optional.empty());
    }

    /**
     * Also replaces the run's output artifacts (what ReadArtifact reads) when given: every artifact of every task
     * known so far.
     */
    @Transactional
    public void report(String runId, RuntimeState state, Optional<Status> error, Optional<RunDetails> details,
            Optional<List<OutputArtifact>> artifacts) {
        RunEntity run = store.find(runId).orElseThrow(() -> QuarkflowException.notFound("run_id",
                "Run " + runId + " not found"));
        long now = clock.instant().getEpochSecond();
        if (RuntimeState.CANCELING.name().equals(run.state) && !TERMINAL.contains(state)) {
            // terminate was requested: only the end of the run moves it on
            state = RuntimeState.CANCELING;
        }
        if (!state.name().equals(run.state)) {
            run.state = state.name();
            run.stateHistory.add(new StateChange(now, state.name(), error.map(Status::getMessage).orElse(null)));
            LOG.infof("run state changed run_id=%s state=%s", runId, state);
        }
        error.ifPresent(status -> {
            run.errorCode = status.getCode();
            run.errorMessage = status.getMessage();
        });
        details.ifPresent(d -> run.runDetails = ProtoJson.print(d));
        artifacts.ifPresent(list -> {
            run.artifacts.clear();
            list.forEach(a -> run.artifacts.add(new TaskArtifact(a.taskId(), a.taskPath(), a.name(), a.uri())));
        });
        if (TERMINAL.contains(state) && run.finishedAt == 0) {
            run.finishedAt = now;
        }
    }
}

package dev.quarkflow.apiserver.backend;

/**
 * What executes runs. The api-server stores a run as PENDING and hands it to the backend named by
 * {@code quarkflow.api-server.run-backend} ({@code local}, later {@code argo}); the backend reports every state
 * change back through {@link RunStatusReporter}. Without such a backend, runs stay PENDING.
 *
 * <pre>{@code
 * &#64;ApplicationScoped
 * class LocalRunBackend implements RunBackend {
 *     public String name() { return "local"; }
 *     public void submit(RunSubmission run) { scheduler.start(run); } // later: reporter.report(id, RUNNING, ...)
 *     ...
 * }
 * }</pre>
 *
 * Calls arrive after the transaction that changed the run has committed; they must return quickly (queue the
 * work) and be idempotent per run id, since PENDING runs are submitted again after a restart.
 */
public interface RunBackend {

    /** The name configuration selects this backend by. */
    String name();

    /** Starts a new run (state PENDING). */
    void submit(RunSubmission run);

    /** Stops a run whose state the API has set to CANCELING; report CANCELED or FAILED when it has stopped. */
    void cancel(String runId);

    /** Runs again the failed or unfinished tasks of a finished run, keeping the succeeded ones; same run id. */
    void retry(RunSubmission run);
}

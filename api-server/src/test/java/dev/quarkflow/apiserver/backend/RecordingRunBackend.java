package dev.quarkflow.apiserver.backend;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** A test backend that records what the API hands it; tests drive states through {@link RunStatusReporter}. */
@ApplicationScoped
public class RecordingRunBackend implements RunBackend {

    private final List<RunSubmission> submitted = new CopyOnWriteArrayList<>();
    private final List<RunSubmission> retried = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();

    public List<RunSubmission> submitted() {
        return submitted;
    }

    public List<RunSubmission> retried() {
        return retried;
    }

    public List<String> cancelled() {
        return cancelled;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void submit(RunSubmission run) {
        submitted.add(run);
    }

    @Override
    public void cancel(String runId) {
        cancelled.add(runId);
    }

    @Override
    public void retry(RunSubmission run) {
        retried.add(run);
    }
}

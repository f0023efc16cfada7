package dev.quarkflow.pipelineengine.api;

import java.util.Optional;

/**
 * Runs compiled KFP pipelines. The api-server's run backend SPI calls this.
 *
 * <pre>{@code
 * RunHandle run = engine.start(RunRequest.of(runId, CompiledPipeline.parse(yaml), Map.of()), listener);
 * run.completion().join();
 * }</pre>
 */
public interface RunEngine extends AutoCloseable {

    /** Starts a run; returns at once. Throws {@code QuarkflowException} for an unusable request. */
    RunHandle start(RunRequest request, RunListener listener);

    /** A run this engine started and still knows. */
    Optional<RunHandle> run(String runId);

    /** Cancels every run still going and stops the engine's threads. */
    @Override
    void close();
}

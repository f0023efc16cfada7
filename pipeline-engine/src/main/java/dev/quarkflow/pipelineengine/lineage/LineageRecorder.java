package dev.quarkflow.pipelineengine.lineage;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;

/**
 * Receives a run's lineage as it happens, to record it the way upstream's driver and launcher write ML
 * Metadata (see the module README, "Lineage"). The local engine calls it in order for each run, off its scheduler
 * thread (one run's calls never overlap; different runs' may), so an implementation may block on a server.
 */
public interface LineageRecorder {

    /** The run started: the {@code system.Pipeline} and {@code system.PipelineRun} contexts. */
    void runStarted(RunInfo run);

    /**
     * A task changed. {@code cacheFingerprint} is set for container tasks that computed one; {@code null}
     * otherwise.
     */
    void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint);

    /** The run ended. */
    void runFinished(String runId, RunState state);

    /**
     * @param runRoot {@code <pipeline root>/<pipeline name>/<run id>}, upstream's {@code pipeline_root} custom
     *        property of the run context
     * @param ids told the ML Metadata ids the recorder gets for this run
     */
    record RunInfo(String runId, String pipelineName, String runRoot, MlmdIdsListener ids) {

        public RunInfo(String runId, String pipelineName, String runRoot) {
            this(runId, pipelineName, runRoot, MlmdIdsListener.NONE);
        }
    }

    LineageRecorder NONE = new LineageRecorder() {
        @Override
        public void runStarted(RunInfo run) {
        }

        @Override
        public void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint) {
        }

        @Override
        public void runFinished(String runId, RunState state) {
        }
    };
}

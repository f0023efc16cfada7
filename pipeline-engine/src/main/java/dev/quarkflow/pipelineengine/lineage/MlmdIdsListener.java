package dev.quarkflow.pipelineengine.lineage;

/**
 * Told the ML Metadata ids a recorder got for a run, as it gets them (on the recorder's thread): what upstream's
 * API reports as {@code run_details.pipeline_context_id}, {@code pipeline_run_context_id} and each task's
 * {@code execution_id}.
 */
public interface MlmdIdsListener {

    /** The run's {@code system.Pipeline} and {@code system.PipelineRun} contexts exist. */
    void contextsRecorded(long pipelineContextId, long runContextId);

    /** The execution of a task (by its path, e.g. {@code for-loop-1/iteration-0/print-op}) was created. */
    void executionRecorded(String taskId, long executionId);

    MlmdIdsListener NONE = new MlmdIdsListener() {
        @Override
        public void contextsRecorded(long pipelineContextId, long runContextId) {
        }

        @Override
        public void executionRecorded(String taskId, long executionId) {
        }
    };
}

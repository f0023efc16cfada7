package dev.quarkflow.pipelineengine.api;

/**
 * The ML Metadata contexts of a run: upstream's {@code run_details.pipeline_context_id} ({@code system.Pipeline})
 * and {@code pipeline_run_context_id} ({@code system.PipelineRun}).
 */
public record RunLineage(long pipelineContextId, long runContextId) {
}

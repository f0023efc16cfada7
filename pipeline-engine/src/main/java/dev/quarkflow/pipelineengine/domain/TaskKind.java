package dev.quarkflow.pipelineengine.domain;

/** What a task of a run is. */
public enum TaskKind {
    /** The root DAG, a nested pipeline or a generated group (condition, exit handler, branches). */
    DAG,
    /** A {@code ParallelFor}: its children are the iterations. */
    LOOP,
    /** One iteration of a loop: a DAG instance with the loop item as an extra input. */
    ITERATION,
    /** A container executor: a local process. */
    CONTAINER,
    /** An importer executor: resolved by the engine itself. */
    IMPORTER
}

package dev.quarkflow.pipelineengine.cache;

import java.util.Optional;

/**
 * Where the engine remembers successful executions by cache fingerprint, scoped by pipeline name (upstream
 * keys its task records by fingerprint, {@code pipeline/<name>} and namespace). The api-server may back this
 * with its database; {@link InMemoryCacheStore} serves tests and a single process.
 */
public interface CacheStore {

    /** The newest execution stored under this pipeline and fingerprint. */
    Optional<CachedExecution> find(String pipelineName, String fingerprint);

    void put(String pipelineName, String fingerprint, CachedExecution execution);
}

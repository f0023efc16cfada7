package dev.quarkflow.pipelineengine.cache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CacheStore} in memory; the newest put wins. */
public final class InMemoryCacheStore implements CacheStore {

    private final Map<String, CachedExecution> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedExecution> find(String pipelineName, String fingerprint) {
        return Optional.ofNullable(entries.get(pipelineName + "\0" + fingerprint));
    }

    @Override
    public void put(String pipelineName, String fingerprint, CachedExecution execution) {
        entries.put(pipelineName + "\0" + fingerprint, execution);
    }

    public int size() {
        return entries.size();
    }
}

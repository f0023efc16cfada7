package dev.quarkflow.pipelineengine.local;

import java.nio.file.Path;
import java.time.Duration;

import dev.quarkflow.pipelineengine.cache.CacheStore;
import dev.quarkflow.pipelineengine.cache.InMemoryCacheStore;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;

/**
 * Settings of the local backend (see the module README for the matching configuration keys).
 *
 * @param pipelineRoot default pipeline root of runs that give none (a local folder)
 * @param workDir the engine's own files: the Python runtime, the mount folder of remote URIs
 * @param maxParallelTasks processes running at once over all runs
 * @param python the interpreter {@code python3}/{@code python} resolve to inside tasks
 * @param cacheEnabled {@code false} turns caching off for the whole installation
 * @param taskTimeout a container running longer is killed and fails (zero: no limit)
 */
public record LocalEngineConfig(Path pipelineRoot, Path workDir, int maxParallelTasks, Path python,
        boolean cacheEnabled, Duration taskTimeout, CacheStore cacheStore, LineageRecorder lineage) {

    public LocalEngineConfig {
        if (maxParallelTasks < 1) {
            throw new IllegalArgumentException("maxParallelTasks must be at least 1, got " + maxParallelTasks);
        }
        taskTimeout = taskTimeout == null ? Duration.ZERO : taskTimeout;
        cacheStore = cacheStore == null ? new InMemoryCacheStore() : cacheStore;
        lineage = lineage == null ? LineageRecorder.NONE : lineage;
    }

    /** Defaults under a data directory: {@code <dataDir>/pipeline_root} and {@code <dataDir>/pipeline-engine}. */
    public static LocalEngineConfig defaults(Path dataDir) {
        return new LocalEngineConfig(dataDir.resolve("pipeline_root"), dataDir.resolve("pipeline-engine"),
                Math.max(2, Runtime.getRuntime().availableProcessors()), Path.of("/usr/bin/python3"), true,
                Duration.ZERO, new InMemoryCacheStore(), LineageRecorder.NONE);
    }

    public LocalEngineConfig withMaxParallelTasks(int max) {
        return new LocalEngineConfig(pipelineRoot, workDir, max, python, cacheEnabled, taskTimeout, cacheStore,
                lineage);
    }

    public LocalEngineConfig withTaskTimeout(Duration timeout) {
        return new LocalEngineConfig(pipelineRoot, workDir, maxParallelTasks, python, cacheEnabled, timeout,
                cacheStore, lineage);
    }

    public LocalEngineConfig withCache(boolean enabled, CacheStore store) {
        return new LocalEngineConfig(pipelineRoot, workDir, maxParallelTasks, python, enabled, taskTimeout, store,
                lineage);
    }

    public LocalEngineConfig withLineage(LineageRecorder recorder) {
        return new LocalEngineConfig(pipelineRoot, workDir, maxParallelTasks, python, cacheEnabled, taskTimeout,
                cacheStore, recorder);
    }
}

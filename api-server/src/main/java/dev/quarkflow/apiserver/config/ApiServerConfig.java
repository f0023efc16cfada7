package dev.quarkflow.apiserver.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.OptionalInt;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The api-server's own settings ({@code quarkflow.api-server.*}); defaults live in application.properties. */
@ConfigMapping(prefix = "quarkflow.api-server")
public interface ApiServerConfig {

    /**
     * Which database holds the state: {@code h2}, {@code postgresql} or {@code mysql} (MySQL and MariaDB). Read at
     * start-up by {@link DatabaseSelectionConfigSourceFactory}.
     */
    @WithDefault("h2")
    String database();

    /** Upstream's MULTIUSER: when false every namespace a client sends is ignored. */
    @WithDefault("false")
    boolean multiUser();

    /** Upstream's REQUIRE_NAMESPACE_FOR_PIPELINES: in multi-user mode, pipelines need a namespace (no shared ones). */
    @WithDefault("false")
    boolean requireNamespaceForPipelines();

    /** Name of the run backend that executes runs; runs stay PENDING while no backend of that name exists. */
    @WithDefault("local")
    String runBackend();

    RecurringRuns recurringRuns();

    Local local();

    Mlmd mlmd();

    PipelineUrl pipelineUrl();

    Artifacts artifacts();

    @WithDefault("unknown")
    String commitSha();

    @WithDefault("unknown")
    String tagName();

    /** ReadArtifact. */
    interface Artifacts {
        /**
         * The largest artifact a gRPC ReadArtifact answers (the response carries it whole); REST streams any size.
         */
        @WithDefault("4000K")
        MemorySize grpcMaxSize();
    }

    /** Guards for CreatePipelineVersion's {@code package_url}. */
    interface PipelineUrl {
        @WithDefault("false")
        boolean allowHttp();

        @WithDefault("false")
        boolean allowPrivateAddresses();

        @WithDefault("30s")
        Duration timeout();
    }

    interface RecurringRuns {
        @WithDefault("5s")
        Duration pollInterval();

        @WithDefault("UTC")
        ZoneId timeZone();
    }

    /** The {@code local} run backend: tasks run as processes of this machine. */
    interface Local {
        /** Default pipeline root of runs that give none. */
        Path pipelineRoot();

        /** The engine's own files (Python runtime, task working folders). */
        Path workDir();

        /** Processes running at once over all runs; unset = the number of processors (at least 2). */
        OptionalInt maxParallelTasks();

        @WithDefault("/usr/bin/python3")
        Path python();

        /** Upstream's CacheEnabled: false turns caching off for every run. */
        @WithDefault("true")
        boolean cacheEnabled();

        /** A task running longer is killed and fails; 0 = no limit. */
        @WithDefault("0s")
        Duration taskTimeout();
    }

    /** Where lineage goes: an ML Metadata gRPC server (Quarkflow's metadata-grpc). */
    interface Mlmd {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("8080")
        int port();

        /** Deadline of each MLMD call. */
        @WithDefault("5s")
        Duration deadline();

        /** After MLMD was unreachable, lineage writes are skipped this long before trying again. */
        @WithDefault("30s")
        Duration retryAfter();
    }
}

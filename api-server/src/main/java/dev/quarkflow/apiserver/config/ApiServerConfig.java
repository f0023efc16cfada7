package dev.quarkflow.apiserver.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The api-server's own settings ({@code quarkflow.api-server.*}); defaults live in application.properties. */
@ConfigMapping(prefix = "quarkflow.api-server")
public interface ApiServerConfig {

    /** Upstream's MULTIUSER: when false every namespace a client sends is ignored. */
    @WithDefault("false")
    boolean multiUser();

    /** Name of the run backend that executes runs; runs stay PENDING while no backend of that name exists. */
    @WithDefault("local")
    String runBackend();

    RecurringRuns recurringRuns();

    PipelineUrl pipelineUrl();

    @WithDefault("unknown")
    String commitSha();

    @WithDefault("unknown")
    String tagName();

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
}

package dev.quarkflow.apiserver.rest;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The api-server with its default {@code local} run backend, on a database and data folder of its own, writing
 * lineage to a real metadata-grpc when its jar was built.
 */
public class LocalBackendProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkflow.api-server.run-backend", "local",
                "quarkus.datasource.h2.jdbc.url", "jdbc:h2:mem:kfp-local;DB_CLOSE_DELAY=-1",
                "quarkflow.data-dir", "target/local-backend-data",
                "quarkflow.api-server.local.max-parallel-tasks", "4",
                "quarkflow.api-server.recurring-runs.poll-interval", "1s",
                // small, so that RunArtifactsTest exceeds it with a 200 kB artifact
                "quarkflow.api-server.artifacts.grpc-max-size", "64K");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MetadataGrpcServer.class));
    }
}

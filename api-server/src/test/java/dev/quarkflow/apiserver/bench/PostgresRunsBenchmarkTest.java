package dev.quarkflow.apiserver.bench;

import java.util.List;

import dev.quarkflow.apiserver.store.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresRunsBenchmarkTest.Profile.class)
class PostgresRunsBenchmarkTest extends RunsBenchmark {

    public static class Profile extends BenchProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class));
        }
    }
}

package dev.quarkflow.apiserver.bench;

import java.util.List;

import dev.quarkflow.apiserver.store.MariaDbResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MariaDbRunsBenchmarkTest.Profile.class)
class MariaDbRunsBenchmarkTest extends RunsBenchmark {

    public static class Profile extends BenchProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MariaDbResource.class));
        }
    }
}

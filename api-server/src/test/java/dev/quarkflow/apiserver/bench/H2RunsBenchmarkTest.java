package dev.quarkflow.apiserver.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(BenchProfile.class)
class H2RunsBenchmarkTest extends RunsBenchmark {
}

package dev.quarkflow.metadata;

import dev.quarkflow.common.testing.HealthEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthEndpointsTest extends HealthEndpointsContract {
}

package dev.quarkflow.apiserver;

import dev.quarkflow.common.testing.HealthEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthEndpointsTest extends HealthEndpointsContract {
}

package dev.quarkflow.metadata.grpc;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class H2MetadataStoreTest extends ConcurrencyContract {
}

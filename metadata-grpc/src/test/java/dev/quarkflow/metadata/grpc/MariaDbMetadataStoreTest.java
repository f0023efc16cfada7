package dev.quarkflow.metadata.grpc;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The same store scenarios on a real MariaDB server (the MySQL persistence unit). */
@QuarkusTest
@WithTestResource(MariaDbResource.class)
class MariaDbMetadataStoreTest extends ConcurrencyContract {
}

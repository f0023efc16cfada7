package dev.quarkflow.metadata.grpc;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The same store scenarios on a real PostgreSQL server. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PostgresMetadataStoreTest extends ConcurrencyContract {
}

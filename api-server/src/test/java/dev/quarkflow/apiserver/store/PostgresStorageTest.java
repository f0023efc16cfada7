package dev.quarkflow.apiserver.store;

import dev.quarkflow.common.database.DatabaseKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The storage contract on a real PostgreSQL server. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PostgresStorageTest extends StorageContract {

    @Override
    DatabaseKind expectedDatabase() {
        return DatabaseKind.POSTGRESQL;
    }
}

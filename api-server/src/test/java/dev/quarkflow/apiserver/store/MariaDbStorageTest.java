package dev.quarkflow.apiserver.store;

import dev.quarkflow.common.database.DatabaseKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The storage contract on a real MariaDB (the MySQL persistence unit) server. */
@QuarkusTest
@WithTestResource(MariaDbResource.class)
class MariaDbStorageTest extends StorageContract {

    @Override
    DatabaseKind expectedDatabase() {
        return DatabaseKind.MYSQL;
    }
}

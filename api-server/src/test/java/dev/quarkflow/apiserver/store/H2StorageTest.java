package dev.quarkflow.apiserver.store;

import dev.quarkflow.common.database.DatabaseKind;
import io.quarkus.test.junit.QuarkusTest;

/** The storage contract on the embedded default, H2. */
@QuarkusTest
class H2StorageTest extends StorageContract {

    @Override
    DatabaseKind expectedDatabase() {
        return DatabaseKind.H2;
    }
}

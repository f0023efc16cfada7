package dev.quarkflow.katib.controller.dbmanager;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The DBManager contract on a real PostgreSQL server, configured through upstream's db-manager env names. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PostgresDBManagerTest extends DBManagerContract {
}

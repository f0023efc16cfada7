package dev.quarkflow.katib.controller.dbmanager;

import io.quarkus.test.junit.QuarkusTest;

/** The DBManager contract on the embedded H2 default. */
@QuarkusTest
class DBManagerGrpcTest extends DBManagerContract {
}

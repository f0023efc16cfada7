package dev.quarkflow.apiserver.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The api-server in multi-user mode (upstream's MULTIUSER=true), on a database of its own. */
public class MultiUserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkflow.api-server.multi-user", "true",
                "quarkus.datasource.h2.jdbc.url", "jdbc:h2:mem:kfp-multi-user;DB_CLOSE_DELAY=-1",
                "quarkflow.data-dir", "target/multi-user-data");
    }
}

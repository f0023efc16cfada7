package dev.quarkflow.apiserver.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The benchmark's api-server: a database of its own; the benchmark turns Hibernate statistics on. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.h2.jdbc.url", "jdbc:h2:mem:kfp-bench;DB_CLOSE_DELAY=-1",
                "quarkus.log.category.\"org.hibernate.engine.internal.StatisticalLoggingSessionEventListener\".level",
                "WARN");
    }
}

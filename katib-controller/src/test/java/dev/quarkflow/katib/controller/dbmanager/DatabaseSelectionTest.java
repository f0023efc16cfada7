package dev.quarkflow.katib.controller.dbmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** One key (or upstream's DB_NAME) picks the datasource; upstream's SKIP_DB_INITIALIZATION turns Flyway off. */
class DatabaseSelectionTest {

    private static final Map<String, String> DEFAULTS = Map.of(
            "quarkflow.katib-controller.database", "${DB_NAME:h2}",
            "quarkflow.katib-controller.skip-db-initialization", "${SKIP_DB_INITIALIZATION:false}");

    private static SmallRyeConfig config(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(DEFAULTS);
        properties.putAll(overrides);
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new DatabaseSelectionConfigSourceFactory()).build();
    }

    private static String active(SmallRyeConfig config, String unit) {
        return config.getRawValue("quarkus.datasource.\"" + unit + "\".active") + "/"
                + config.getRawValue("quarkus.hibernate-orm.\"" + unit + "\".active");
    }

    @Test
    void h2_isTheDefault_andFlywayMigrates() {
        SmallRyeConfig config = config(Map.of());

        assertThat(active(config, "h2")).isEqualTo("true/true");
        assertThat(active(config, "postgresql")).isEqualTo("false/false");
        assertThat(active(config, "mysql")).isEqualTo("false/false");
        assertThat(config.getRawValue("quarkus.flyway.\"h2\".migrate-at-start")).isEqualTo("true");
    }

    @Test
    void upstreamDbName_postgres_selectsPostgresql() {
        SmallRyeConfig config = config(Map.of("DB_NAME", "postgres"));

        assertThat(active(config, "postgresql")).isEqualTo("true/true");
        assertThat(active(config, "h2")).isEqualTo("false/false");
    }

    @Test
    void upstreamDbName_mysql_selectsTheMysqlDatasource_andSkipTurnsMigrationOff() {
        SmallRyeConfig config = config(Map.of("DB_NAME", "mysql", "SKIP_DB_INITIALIZATION", "true"));

        assertThat(active(config, "mysql")).isEqualTo("true/true");
        assertThat(config.getRawValue("quarkus.flyway.\"mysql\".migrate-at-start")).isEqualTo("false");
    }

    @Test
    void explicitKey_winsOverDbName() {
        SmallRyeConfig config = config(Map.of("DB_NAME", "mysql", "quarkflow.katib-controller.database", "mariadb"));

        assertThat(active(config, "mysql")).isEqualTo("true/true");
    }

    @Test
    void unknownDatabase_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> config(Map.of("quarkflow.katib-controller.database", "oracle")))
                .hasMessageContaining("quarkflow.katib-controller.database: unknown database 'oracle'");
    }

    @Test
    void unknownUpstreamDbName_isRefusedMentioningDbName() {
        assertThatThrownBy(() -> config(Map.of("DB_NAME", "sqlite")))
                .hasMessageContaining("unknown database 'sqlite' (set directly or through upstream's DB_NAME)");
    }
}

package dev.quarkflow.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The selection through a real SmallRye Config, as Quarkus builds it: sources at application.properties' ordinal. */
class DatabaseSelectionConfigSourceFactoryTest {

    private static final String SETTING = "quarkflow.test.database";

    static class Quoted extends DatabaseSelectionConfigSourceFactory {
        Quoted() {
            super(SETTING, NameStyle.QUOTED);
        }
    }

    static class Plain extends DatabaseSelectionConfigSourceFactory {
        Plain() {
            super(SETTING, NameStyle.PLAIN);
        }
    }

    /** Adds a module-specific key and says where the value may come from, as katib-controller does. */
    static class WithExtras extends DatabaseSelectionConfigSourceFactory {
        WithExtras() {
            super(SETTING, NameStyle.QUOTED);
        }

        @Override
        protected Map<String, String> extraProperties(ConfigSourceContext context, DatabaseKind selected) {
            return Map.of(key("flyway", selected, "migrate-at-start"), value(context, "quarkflow.test.migrate", "true"));
        }

        @Override
        protected String valueOrigin() {
            return "set directly or through DB_NAME";
        }
    }

    private static SmallRyeConfig config(DatabaseSelectionConfigSourceFactory factory, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(factory).build();
    }

    /** datasource/persistence unit/Flyway active flags of one datasource, as the extensions would read them. */
    private static String quoted(SmallRyeConfig config, String unit) {
        return flags(config, "\"" + unit + "\"");
    }

    private static String flags(SmallRyeConfig config, String name) {
        return config.getValue("quarkus.datasource." + name + ".active", String.class) + "/"
                + config.getValue("quarkus.hibernate-orm." + name + ".active", String.class) + "/"
                + config.getValue("quarkus.flyway." + name + ".active", String.class);
    }

    @Test
    void h2_isTheDefault_whenTheSettingIsUnsetOrBlank() {
        for (Map<String, String> properties : List.of(Map.<String, String> of(), Map.of(SETTING, " "))) {
            SmallRyeConfig config = config(new Quoted(), properties);

            assertThat(quoted(config, "h2")).isEqualTo("true/true/true");
            assertThat(quoted(config, "postgresql")).isEqualTo("false/false/false");
            assertThat(quoted(config, "mysql")).isEqualTo("false/false/false");
        }
    }

    @Test
    void theSetting_activatesExactlyItsDatasource_caseInsensitively() {
        SmallRyeConfig config = config(new Quoted(), Map.of(SETTING, " PostgreSQL "));

        assertThat(quoted(config, "postgresql")).isEqualTo("true/true/true");
        assertThat(quoted(config, "h2")).isEqualTo("false/false/false");
        assertThat(quoted(config, "mysql")).isEqualTo("false/false/false");
    }

    @Test
    void plainStyle_writesTheKeysUnquoted() {
        SmallRyeConfig config = config(new Plain(), Map.of(SETTING, "mysql"));

        assertThat(flags(config, "mysql")).isEqualTo("true/true/true");
        assertThat(flags(config, "h2")).isEqualTo("false/false/false");
        assertThat(config.getRawValue("quarkus.datasource.\"mysql\".active")).isNull();
        assertThat(new Plain().activeFlags(DatabaseKind.MYSQL)).hasSize(9)
                .containsEntry("quarkus.datasource.mysql.active", "true")
                .containsEntry("quarkus.hibernate-orm.postgresql.active", "${quarkus.datasource.postgresql.active}")
                .containsEntry("quarkus.flyway.h2.active", "${quarkus.datasource.h2.active}");
    }

    @Test
    void anExplicitDatasourceFlag_winsOverTheSetting_andTheUnitAndMigrationsFollowIt() {
        SmallRyeConfig config = config(new Plain(), Map.of(SETTING, "h2", "quarkus.datasource.h2.active", "false",
                "quarkus.datasource.postgresql.active", "true"));

        assertThat(flags(config, "h2")).isEqualTo("false/false/false");
        assertThat(flags(config, "postgresql")).isEqualTo("true/true/true");
    }

    @Test
    void aliases_postgresAndMariadb_selectTheirKinds() {
        assertThat(quoted(config(new Quoted(), Map.of(SETTING, "postgres")), "postgresql")).startsWith("true");
        assertThat(quoted(config(new Quoted(), Map.of(SETTING, "MariaDB")), "mysql")).startsWith("true");
    }

    @Test
    void anUnknownDatabase_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> config(new Quoted(), Map.of(SETTING, "oracle")))
                .hasMessageContaining("quarkflow.test.database: unknown database 'oracle', expected one of h2,"
                        + " postgresql (postgres), mysql (mariadb)");
    }

    @Test
    void extras_joinTheSource_andTheOriginIsSaidInTheError() {
        SmallRyeConfig config = config(new WithExtras(), Map.of(SETTING, "mysql", "quarkflow.test.migrate", "false"));

        assertThat(config.getRawValue("quarkus.flyway.\"mysql\".migrate-at-start")).isEqualTo("false");
        assertThat(quoted(config, "mysql")).isEqualTo("true/true/true");
        assertThatThrownBy(() -> config(new WithExtras(), Map.of(SETTING, "sqlite")))
                .hasMessageContaining("quarkflow.test.database: unknown database 'sqlite' (set directly or through"
                        + " DB_NAME), expected one of");
    }

    @Test
    void theSourceSitsBelowApplicationProperties() {
        assertThat(new Quoted().getPriority()).hasValue(DatabaseSelectionConfigSourceFactory.ORDINAL);
        assertThat(DatabaseSelectionConfigSourceFactory.ORDINAL).isLessThan(250);
        assertThat(new Quoted().setting()).isEqualTo(SETTING);
    }

    @Test
    void parse_acceptsUnitNamesAndAliases_andRefusesTheRestNamingTheSetting() {
        assertThat(DatabaseKind.parse("k", "h2")).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.parse("k", "POSTGRES")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.parse("k", " mysql")).isEqualTo(DatabaseKind.MYSQL);
        assertThatThrownBy(() -> DatabaseKind.parse("k", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k: unknown database '', expected one of h2, postgresql (postgres), mysql (mariadb)");
    }
}

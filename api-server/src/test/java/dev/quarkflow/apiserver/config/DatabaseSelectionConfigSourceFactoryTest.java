package dev.quarkflow.apiserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.database.DatabaseKind;

class DatabaseSelectionConfigSourceFactoryTest {

    @Test
    void selectsExactlyOneDatasource_andUnitsAndMigrationsFollowIt() {
        var flags = new DatabaseSelectionConfigSourceFactory().activeFlags(DatabaseKind.MYSQL);

        assertThat(flags).containsEntry("quarkus.datasource.mysql.active", "true")
                .containsEntry("quarkus.datasource.h2.active", "false")
                .containsEntry("quarkus.datasource.postgresql.active", "false")
                .containsEntry("quarkus.hibernate-orm.postgresql.active", "${quarkus.datasource.postgresql.active}")
                .containsEntry("quarkus.flyway.mysql.active", "${quarkus.datasource.mysql.active}").hasSize(9);
    }

    @Test
    void parsesKindsCaseInsensitively_mariadbMeaningMysql() {
        String key = new DatabaseSelectionConfigSourceFactory().setting();

        assertThat(key).isEqualTo("quarkflow.api-server.database");
        assertThat(DatabaseKind.parse(key, " PostgreSQL ")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.parse(key, "mariadb")).isEqualTo(DatabaseKind.MYSQL);
        assertThatThrownBy(() -> DatabaseKind.parse(key, "oracle")).hasMessageContaining("quarkflow.api-server.database")
                .hasMessageContaining("oracle");
    }
}

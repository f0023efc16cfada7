package dev.quarkflow.apiserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseSelectionConfigSourceFactoryTest {

    @Test
    void selectsExactlyOneDatasource_andUnitsAndMigrationsFollowIt() {
        var flags = DatabaseSelectionConfigSourceFactory.activeFlags(DatabaseKind.MYSQL);

        assertThat(flags).containsEntry("quarkus.datasource.mysql.active", "true")
                .containsEntry("quarkus.datasource.h2.active", "false")
                .containsEntry("quarkus.datasource.postgresql.active", "false")
                .containsEntry("quarkus.hibernate-orm.postgresql.active", "${quarkus.datasource.postgresql.active}")
                .containsEntry("quarkus.flyway.mysql.active", "${quarkus.datasource.mysql.active}").hasSize(9);
    }

    @Test
    void parsesKindsCaseInsensitively_mariadbMeaningMysql() {
        assertThat(DatabaseKind.parse(" PostgreSQL ")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.parse("mariadb")).isEqualTo(DatabaseKind.MYSQL);
        assertThatThrownBy(() -> DatabaseKind.parse("oracle")).hasMessageContaining("quarkflow.api-server.database")
                .hasMessageContaining("oracle");
    }
}

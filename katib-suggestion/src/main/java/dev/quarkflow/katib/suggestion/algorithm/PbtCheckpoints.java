package dev.quarkflow.katib.suggestion.algorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quarkflow.katib.suggestion.config.SuggestionConfig;

/**
 * PBT's checkpoint directories, {@code <root>/<experiment>/<trial>}: a child starts from a copy of its parent's,
 * as upstream's suggestion pod does on its volume. A parent without a directory gives an empty one.
 */
@ApplicationScoped
public class PbtCheckpoints {

    private final Path root;

    @Inject
    public PbtCheckpoints(SuggestionConfig config) {
        this(config.pbtDataDir());
    }

    public PbtCheckpoints(Path root) {
        this.root = root;
    }

    public Path directory(String experiment, String trial) {
        return root.resolve(experiment).resolve(trial);
    }

    public void create(String experiment, String trial, String parent) {
        Path target = directory(experiment, trial);
        try {
            Files.createDirectories(target);
            if (parent == null || parent.isEmpty()) {
                return;
            }
            Path source = directory(experiment, parent);
            if (!Files.isDirectory(source)) {
                return;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare checkpoint directory " + target, e);
        }
    }
}

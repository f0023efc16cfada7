package dev.quarkflow.pipelineengine.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Quarkflow's standard-library-only {@code kfp} package (the executor contract of lightweight components),
 * extracted from this module's resources into a folder put on {@code PYTHONPATH}, and a {@code bin} folder put
 * first on {@code PATH} whose {@code python3} and {@code python} point at the configured interpreter (the
 * image is ignored, so this stands in for a Python image's PATH).
 */
public final class PythonRuntime {

    /** The runtime's files under {@code src/main/resources/kfp-runtime/}. */
    static final List<String> FILES = List.of("kfp/__init__.py", "kfp/dsl/__init__.py", "kfp/dsl/types.py",
            "kfp/dsl/executor.py", "kfp/dsl/executor_main.py");

    private final Path pythonPath;
    private final Path binDir;

    private PythonRuntime(Path pythonPath, Path binDir) {
        this.pythonPath = pythonPath;
        this.binDir = binDir;
    }

    /** Extracts the runtime under {@code dir} (overwriting) and links the interpreter. */
    public static PythonRuntime install(Path dir, Path python) {
        try {
            Path lib = dir.resolve("lib");
            for (String file : FILES) {
                Path target = lib.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = PythonRuntime.class.getResourceAsStream("/kfp-runtime/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource kfp-runtime/" + file);
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path bin = dir.resolve("bin");
            Files.createDirectories(bin);
            for (String name : List.of("python3", "python")) {
                Path link = bin.resolve(name);
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, python);
            }
            return new PythonRuntime(lib, bin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the kfp runtime under " + dir, e);
        }
    }

    public Path pythonPath() {
        return pythonPath;
    }

    public Path binDir() {
        return binDir;
    }
}

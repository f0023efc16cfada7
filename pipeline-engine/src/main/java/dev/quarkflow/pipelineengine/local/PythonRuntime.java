package dev.quarkflow.pipelineengine.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(PythonRuntime.class);
    private static final int COMPILE_TIMEOUT_SECONDS = 60;

    private final Path pythonPath;
    private final Path binDir;

    private PythonRuntime(Path pythonPath, Path binDir) {
        this.pythonPath = pythonPath;
        this.binDir = binDir;
    }

    /**
     * Extracts the runtime under {@code dir} (files that changed only), links the interpreter, and compiles the
     * runtime's bytecode when a file changed: every lightweight task imports it, and with
     * {@code PYTHONDONTWRITEBYTECODE} set (as on many build machines) each task would compile it again.
     */
    public static PythonRuntime install(Path dir, Path python) {
        try {
            Path lib = dir.resolve("lib");
            boolean changed = false;
            for (String file : FILES) {
                Path target = lib.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = PythonRuntime.class.getResourceAsStream("/kfp-runtime/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource kfp-runtime/" + file);
                    }
                    byte[] content = in.readAllBytes();
                    if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                        Files.write(target, content);
                        changed = true;
                    }
                }
            }
            Path bin = dir.resolve("bin");
            Files.createDirectories(bin);
            for (String name : List.of("python3", "python")) {
                Path link = bin.resolve(name);
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, python);
            }
            if (changed) {
                compile(python, lib);
            }
            return new PythonRuntime(lib, bin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the kfp runtime under " + dir, e);
        }
    }

    /** {@code python -m compileall}; a failure only costs speed (tasks then compile the sources themselves). */
    private static void compile(Path python, Path lib) throws IOException {
        Process process = new ProcessBuilder(python.toString(), "-m", "compileall", "-q", lib.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.warnf("compiling the kfp runtime took over %ds; tasks compile it themselves", COMPILE_TIMEOUT_SECONDS);
            } else if (process.exitValue() != 0) {
                LOG.warnf("compiling the kfp runtime failed exit=%d; tasks compile it themselves", process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public Path pythonPath() {
        return pythonPath;
    }

    public Path binDir() {
        return binDir;
    }
}

package dev.quarkflow.pipelineengine.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a container task's stdout and stderr are stored (the last attempt's). */
public record TaskLogs(Path stdout, Path stderr) {

    public String readStdout() {
        return read(stdout);
    }

    public String readStderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

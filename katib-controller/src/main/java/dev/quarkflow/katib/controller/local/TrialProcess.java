package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One trial running as a local process, its stdout and stderr together in {@code <trialDir>/metrics.log} (as upstream's
 * StdOut collector redirects {@code 1>/var/log/katib/metrics.log 2>&1}). Completion is reported after the process has
 * exited, so everything it printed is in the file before metrics are read.
 */
public final class TrialProcess {

    private static final int LAST_LINE_MAX = 300;
    private static final int LAST_LINE_TAIL_BYTES = 4096;

    private final Process process;
    private final Path log;

    private TrialProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static TrialProcess start(String trialName, LocalCommand command, Path trialDir, Path defaultWorkingDir)
            throws IOException {
        Files.createDirectories(trialDir);
        Path log = trialDir.resolve("metrics.log");
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(command.workingDir().map(Path::of).orElse(defaultWorkingDir).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(command.env());
        builder.environment().put(dev.quarkflow.katib.controller.engine.KatibNames.ENV_TRIAL_NAME, trialName);
        builder.environment().put("KATIB_TRIAL_DIR", trialDir.toAbsolutePath().toString());
        return new TrialProcess(builder.start(), log);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public CompletableFuture<Integer> exit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /**
     * The last non-blank line the trial printed (at most {@value #LAST_LINE_MAX} characters): for a failed trial it
     * is usually the error, which a person needs without opening the log.
     */
    public static Optional<String> lastLine(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - LAST_LINE_TAIL_BYTES);
            byte[] tail = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    return Optional.of(line.length() > LAST_LINE_MAX ? line.substring(0, LAST_LINE_MAX) + "…" : line);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path log() {
        return log;
    }

    public void kill() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}

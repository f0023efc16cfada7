package dev.quarkflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged CLI as a person does: {@code up} starts every built service, {@code status} sees them, and
 * Ctrl-C (SIGINT) stops them all.
 */
class UpCommandIT {

    @TempDir
    Path dataDir;

    private Process up;

    @AfterEach
    void killLeftovers() {
        if (up != null) {
            up.descendants().forEach(ProcessHandle::destroyForcibly);
            up.destroyForcibly();
        }
    }

    @Test
    void up_startsEveryServiceHealthy_andCtrlCStopsThemAll() throws Exception {
        Path upOutput = dataDir.resolve("up.out");
        up = cli(List.of("up")).redirectErrorStream(true).redirectOutput(upOutput.toFile()).start();

        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> read(upOutput).contains("Press Ctrl-C") || !up.isAlive());
        assertThat(up.isAlive()).as("up is running; its output:%n%s", read(upOutput)).isTrue();
        for (LocalService service : ServiceCatalog.all()) {
            assertThat(read(upOutput)).contains(service.name() + " ").contains(service.listens());
            assertThat(listening(service.healthPort())).as("%s listens", service.name()).isTrue();
        }
        assertThat(dataDir.resolve("logs/metadata-grpc.log")).exists();

        Process status = cli(List.of("status")).start();
        String statusOutput = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(status.exitValue()).as(statusOutput).isZero();
        assertThat(statusOutput.lines()).hasSize(ServiceCatalog.all().size()).allMatch(line -> line.contains(" up "));

        List<ProcessHandle> children = up.children().toList();
        assertThat(children).hasSize(ServiceCatalog.all().size());
        new ProcessBuilder("kill", "-INT", String.valueOf(up.pid())).start().waitFor();

        assertThat(up.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        for (LocalService service : ServiceCatalog.all()) {
            assertThat(listening(service.healthPort())).as("%s stopped listening", service.name()).isFalse();
        }
        assertThat(read(upOutput)).contains("metadata-grpc        stopped");
    }

    @Test
    void up_rejectsUnknownService_withOneClearLine() throws Exception {
        Process process = cli(List.of("up", "no-such-service")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("unknown service 'no-such-service'").doesNotContain("Exception");
    }

    private ProcessBuilder cli(List<String> args) {
        return CliProcess.builder(dataDir, args);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

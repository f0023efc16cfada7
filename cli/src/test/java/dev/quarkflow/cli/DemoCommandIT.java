package dev.quarkflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The README's main job from the packaged CLI: {@code quarkflow demo} starts metadata-grpc and api-server, runs the
 * example pipeline to SUCCEEDED, prints tasks, metrics and lineage read back from ML Metadata, and stops the services.
 */
class DemoCommandIT {

    @TempDir
    Path dataDir;

    private Process demo;

    @AfterEach
    void killLeftovers() {
        if (demo != null) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    @Test
    void demo_runsTheExamplePipeline_andShowsMetricsAndLineage() throws Exception {
        demo = CliProcess.builder(dataDir, List.of("demo")).redirectErrorStream(true).start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(demo.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("Run \\S+ SUCCEEDED")
                .contains("make-data", "train", "evaluate", "predict", "report-status")
                .contains("system.Metrics").contains("\"r2\"")
                .contains("(dataset: system.Dataset) ← train [COMPLETE] → (model: system.Model)")
                .contains("metadata-grpc        stopped", "api-server           stopped");
        assertThat(dataDir.resolve("api-server")).isDirectory();
        assertThat(listening(8888)).as("api-server stopped").isFalse();
    }

    @Test
    void demoKeepUp_leavesTheServicesServing_untilCtrlC() throws Exception {
        Path output = dataDir.resolve("demo.out");
        demo = CliProcess.builder(dataDir, List.of("demo", "--keep-up")).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(output).contains("Press Ctrl-C") || !demo.isAlive());
        assertThat(demo.isAlive()).as(Files.readString(output)).isTrue();
        assertThat(Files.readString(output)).containsPattern("Run \\S+ SUCCEEDED");
        assertThat(listening(8888)).as("api-server still serves").isTrue();
        new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor();

        assertThat(demo.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(output)).contains("api-server           stopped");
        assertThat(listening(8888)).as("api-server stopped").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

package dev.quarkflow.apiserver.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkflow's metadata-grpc, started from its built jar (the reactor builds it before api-server) on free ports
 * with its own data folder; points the api-server's lineage at it. When the jar was not built, lineage stays off
 * and {@link #running()} is false.
 */
public class MetadataGrpcServer implements QuarkusTestResourceLifecycleManager {

    static final Path JAR = Path.of("..", "metadata-grpc", "target", "quarkus-app", "quarkus-run.jar");
    private static volatile int grpcPort = -1;
    private Process process;

    /** The port MLMD serves gRPC on, or -1 when it was not started. */
    static int port() {
        return grpcPort;
    }

    static boolean running() {
        return grpcPort > 0;
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            return Map.of("quarkflow.api-server.mlmd.enabled", "false");
        }
        int grpc = freePort();
        int http = freePort();
        try {
            Path data = Files.createTempDirectory("mlmd-test");
            Path log = data.resolve("metadata-grpc.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.grpc.server.port=" + grpc, "-Dquarkus.http.port=" + http,
                    "-Dquarkus.grpc.server.host=127.0.0.1", "-Dquarkus.http.host=127.0.0.1",
                    "-jar", JAR.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("QUARKFLOW_DATA_DIR", data.toString());
            process = builder.start();
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> listening(grpc) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("metadata-grpc did not start: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        grpcPort = grpc;
        return Map.of("quarkflow.api-server.mlmd.enabled", "true", "quarkflow.api-server.mlmd.host", "127.0.0.1",
                "quarkflow.api-server.mlmd.port", String.valueOf(grpc));
    }

    @Override
    public void stop() {
        grpcPort = -1;
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

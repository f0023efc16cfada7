package dev.quarkflow.pipelineengine.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Quarkflow's metadata-grpc started from its built jar ({@link #JAR}; the CI reactor builds it before this module)
 * on free loopback ports, with an H2 file store in a data folder of its own; ready once {@code /q/health/ready}
 * answers 200. For tests and the benchmark.
 */
public final class MetadataGrpcProcess implements AutoCloseable {

    public static final Path JAR = Path.of("../metadata-grpc/target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final int grpcPort;

    private MetadataGrpcProcess(Process process, int grpcPort) {
        this.process = process;
        this.grpcPort = grpcPort;
    }

    /** Skips the calling test, saying why, when the server's jar has not been built (outside a reactor build). */
    public static void assumeBuilt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(built(), "metadata-grpc is not built (./mvnw -B package "
                + "-DskipTests -pl metadata-grpc): " + JAR.toAbsolutePath().normalize());
    }

    public static boolean built() {
        return Files.isRegularFile(JAR);
    }

    /** Starts the server with its data (and log) under {@code dir} and waits until it is ready. */
    public static MetadataGrpcProcess start(Path dir) throws IOException {
        Files.createDirectories(dir);
        int grpc = freePort();
        int http = freePort();
        Path log = dir.resolve("metadata-grpc.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=" + http, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.grpc.server.port=" + grpc, "-Dquarkus.grpc.server.host=127.0.0.1",
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKFLOW_DATA_DIR", dir.resolve("data").toString());
        MetadataGrpcProcess server = new MetadataGrpcProcess(builder.start(), grpc);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/q/health/ready"))
                .build();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        assertThat(server.process.isAlive()).as(Files.readString(log)).isTrue();
                        return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int grpcPort() {
        return grpcPort;
    }

    /** CPU time the server process used so far (user + system), as the OS reports it. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.quarkflow.katib.controller.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code random_suggestion.py}, an external algorithm service written with Debian's python3-grpcio and stubs generated
 * from our protos, started as a child process on a given port.
 */
final class PythonSuggestionServer implements AutoCloseable {

    private static final Path GENERATE = Path.of("../proto/python/generate.sh").toAbsolutePath().normalize();
    private static final Path STUBS = Path.of("target/python-stubs").toAbsolutePath();

    private final Process process;
    final int port;

    private PythonSuggestionServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static synchronized Path stubs() throws IOException, InterruptedException {
        if (!Files.exists(STUBS.resolve("katib/v1beta1/api_pb2_grpc.py"))) {
            Process generate = new ProcessBuilder("bash", GENERATE.toString(), STUBS.toString()).inheritIO().start();
            if (!generate.waitFor(120, TimeUnit.SECONDS) || generate.exitValue() != 0) {
                throw new IllegalStateException("generating Python stubs failed");
            }
        }
        return STUBS;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server and returns once it prints that it listens. */
    static PythonSuggestionServer start(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(LocalExperiments.PYTHON.toString(),
                LocalExperiments.RESOURCES.resolve("random_suggestion.py").toString(), stubs().toString(),
                Integer.toString(port))).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = output.readLine();
        if (line == null || !line.startsWith("listening")) {
            process.destroyForcibly();
            throw new IllegalStateException("python suggestion server did not start: " + line);
        }
        return new PythonSuggestionServer(process, port);
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL, as a crash would: no goodbye to connected clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}

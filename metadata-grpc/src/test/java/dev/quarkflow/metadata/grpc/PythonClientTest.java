package dev.quarkflow.metadata.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Upstream's Python client side: stubs generated from our protos by {@code proto/python/generate.sh} run a KFP-like
 * lineage workload ({@code src/test/python/kfp_lineage.py}) with Debian's python3-grpcio against this server.
 */
@QuarkusTest
class PythonClientTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    // gRPC shares the HTTP server in tests, so this is also the gRPC port
    @TestHTTPResource
    URL server;

    @Test
    void kfpLikeWorkload_passesFromPython() throws Exception {
        Path stubs = Path.of("target/python").toAbsolutePath();

        run(List.of("bash", Path.of("../proto/python/generate.sh").toAbsolutePath().normalize().toString(),
                stubs.toString()));
        String output = run(List.of(PYTHON.toString(), Path.of("src/test/python/kfp_lineage.py").toAbsolutePath()
                .toString(), stubs.toString(), Integer.toString(server.getPort())));

        assertThat(output).contains("Ran 2 tests").contains("OK");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }
}

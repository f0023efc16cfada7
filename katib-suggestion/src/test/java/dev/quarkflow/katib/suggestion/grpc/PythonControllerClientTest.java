package dev.quarkflow.katib.suggestion.grpc;

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
 * An external Katib controller in Python: stubs from our protos ({@code proto/python/generate.sh}, Debian's protoc)
 * and Debian's python3-grpcio calling the running service over its socket.
 */
@QuarkusTest
class PythonControllerClientTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TestHTTPResource("/")
    URL url;

    @Test
    void pythonClient_getsSuggestionsValidatesAndChecksHealth() throws Exception {
        Path stubs = TARGET.resolve("python-stubs");
        run(List.of("bash", Path.of("../proto/python/generate.sh").toAbsolutePath().normalize().toString(),
                stubs.toString()));

        String output = run(List.of(PYTHON.toString(),
                Path.of("src/test/python/katib_controller_client.py").toAbsolutePath().toString(), stubs.toString(),
                url.getHost() + ":" + url.getPort()));

        assertThat(output).contains("Ran 6 tests").contains("OK");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }
}

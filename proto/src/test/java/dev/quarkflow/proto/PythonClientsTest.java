package dev.quarkflow.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.pipelinespec.PipelineSpec;

/**
 * Our protos from Python: {@code proto/python/generate.sh} makes the stubs with Debian's protoc 3.21, and
 * {@code proto/python/test_clients.py} uses them with Debian's python3-grpcio, reading the bytes Java writes here.
 */
class PythonClientsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void pythonStubsParseTheCorpus_readJavasBytes_andCallOverGrpc() throws Exception {
        Path generated = TARGET.resolve("python");
        Path fixtures = TARGET.resolve("python-fixtures");
        writeJavaBinaries(fixtures);

        run(List.of("bash", Path.of("python/generate.sh").toAbsolutePath().toString(), generated.toString()));
        String output = run(List.of(PYTHON.toString(), Path.of("python/test_clients.py").toAbsolutePath().toString(),
                generated.toString(), fixtures.toString(), CompiledPipelines.corpus().toString()));

        assertThat(output).contains("Ran 4 tests").contains("OK");
    }

    private static void writeJavaBinaries(Path fixtures) throws IOException {
        Path corpus = CompiledPipelines.corpus();
        for (Path file : CompiledPipelines.all()) {
            PipelineSpec spec = CompiledPipelines.parse(CompiledPipelines.documents(file).get(0),
                    PipelineSpec.newBuilder());
            Path target = fixtures.resolve(corpus.relativize(file) + ".pb");
            Files.createDirectories(target.getParent());
            Files.write(target, spec.toByteArray());
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }
}

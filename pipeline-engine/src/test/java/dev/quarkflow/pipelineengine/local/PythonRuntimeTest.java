package dev.quarkflow.pipelineengine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void install_compilesTheRuntimesBytecode_andLeavesAnUnchangedRuntimeAsItIs() throws Exception {
        PythonRuntime runtime = PythonRuntime.install(dir, Path.of("/usr/bin/python3"));
        Path executor = runtime.pythonPath().resolve("kfp/dsl/executor.py");
        FileTime written = Files.getLastModifiedTime(executor);

        try (Stream<Path> compiled = Files.list(runtime.pythonPath().resolve("kfp/dsl/__pycache__"))) {
            assertThat(compiled.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("executor.") && name.endsWith(".pyc"))
                    .anyMatch(name -> name.startsWith("types.") && name.endsWith(".pyc"));
        }
        PythonRuntime.install(dir, Path.of("/usr/bin/python3"));
        assertThat(Files.getLastModifiedTime(executor)).as("not rewritten, so its bytecode stays valid")
                .isEqualTo(written);
        assertThat(Files.readSymbolicLink(runtime.binDir().resolve("python3"))).isEqualTo(Path.of("/usr/bin/python3"));
    }
}

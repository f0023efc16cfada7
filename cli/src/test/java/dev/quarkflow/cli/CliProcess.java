package dev.quarkflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the packaged CLI as a person does, against this repository's built services. */
final class CliProcess {

    static final Path HOME = Path.of(System.getProperty("quarkflow.home", "..")).toAbsolutePath().normalize();

    private CliProcess() {
    }

    static ProcessBuilder builder(Path dataDir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                HOME.resolve("cli/target/quarkus-app/quarkus-run.jar").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile());
        builder.environment().put("QUARKFLOW_HOME", HOME.toString());
        builder.environment().put("QUARKFLOW_DATA_DIR", dataDir.toString());
        // Several JVMs start at once here; on a loaded 2-core machine that takes longer than a person waits.
        builder.environment().put("QUARKFLOW_CLI_START_TIMEOUT", "PT300S");
        return builder;
    }
}

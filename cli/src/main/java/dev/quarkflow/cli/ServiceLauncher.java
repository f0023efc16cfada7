package dev.quarkflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Starts a built service as a child process, its output going to a log file under the data directory. */
@ApplicationScoped
public class ServiceLauncher {

    private final CliConfig config;

    ServiceLauncher(CliConfig config) {
        this.config = config;
    }

    public Path logFile(LocalService service) {
        return config.dataDir().resolve("logs").resolve(service.name() + ".log");
    }

    public Process start(LocalService service) throws IOException {
        Path jar = service.jar(config.home());
        if (!Files.isRegularFile(jar)) {
            throw new IOException(service.name() + " is not built (" + jar
                    + " is missing); build it with ./mvnw -B package -DskipTests");
        }
        Path log = logFile(service);
        Files.createDirectories(log.getParent());
        Files.createDirectories(config.dataDir().resolve(service.name()));

        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(config.cli().serviceJvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("QUARKFLOW_DATA_DIR", config.dataDir().toString());
        return builder.start();
    }

    /** The last lines of a service's log, to show a person why it did not start. */
    public List<String> tail(LocalService service, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(service));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log at " + logFile(service) + ")");
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}

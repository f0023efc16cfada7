package dev.quarkflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "experiment", description = "Katib experiments on this machine.", subcommands = {
        ExperimentCommand.Run.class })
public class ExperimentCommand {

    @Command(name = "run", description = "Run an upstream Katib Experiment YAML locally: trials are local processes, "
            + "suggestions come from katib-suggestion. Exit 0 when the experiment Succeeded, 1 when it Failed.")
    public static class Run implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "EXPERIMENT.yaml")
        Path experiment;

        @Option(names = "--output", paramLabel = "FORMAT", description = "json: the final Experiment on stdout.")
        String output;

        @Spec
        CommandSpec spec;

        @Inject
        CliConfig config;

        @Inject
        LocalServices localServices;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(experiment)) {
                throw new CliFailure("no experiment file at " + experiment);
            }
            LocalServices.Session session = localServices
                    .ensureUp(ServiceCatalog.select(List.of("katib-suggestion")), err);
            try {
                return runLocally(err);
            } finally {
                session.stop();
            }
        }

        /** katib-controller's jar runs the experiment itself when given the command (its local mode). */
        private int runLocally(PrintWriter err) throws IOException, InterruptedException {
            LocalService controller = ServiceCatalog.select(List.of("katib-controller")).get(0);
            Path jar = controller.jar(config.home());
            if (!Files.isRegularFile(jar)) {
                throw new CliFailure("katib-controller is not built (" + jar + " is missing)");
            }
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-jar", jar.toString(), "experiment", "run", experiment.toAbsolutePath().toString(),
                    "--data-dir", config.dataDir().toString()));
            if (output != null) {
                command.addAll(List.of("--output", output));
            }
            err.flush();
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor();
        }
    }
}

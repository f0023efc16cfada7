package dev.quarkflow.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "quarkflow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Kubeflow's platform on one machine: start the Quarkflow services and drive them.", subcommands = {
        UpCommand.class, StatusCommand.class, RunCommand.class, DemoCommand.class, ExperimentCommand.class })
public class QuarkflowCommand {
}

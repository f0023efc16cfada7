package dev.quarkflow.cli;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/** Failures a person caused or can fix end with their one-line message already printed, never a stack trace. */
@Dependent
public class CliExceptionHandler {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UpCommand.UpFailedException) {
                return 1;
            }
            commandLine.getErr().println("quarkflow: " + ex.getMessage());
            return 1;
        });
    }
}

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
            String message = ex instanceof CliFailure ? ex.getMessage() : "internal error: " + ex.getMessage();
            commandLine.getErr().println("quarkflow " + commandLine.getCommandName() + ": " + message);
            commandLine.getErr().flush();
            return 1;
        });
    }
}

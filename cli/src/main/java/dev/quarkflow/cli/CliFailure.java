package dev.quarkflow.cli;

/** Ends a command with a one-line message for a person and exit code 1; never shown with a stack trace. */
public final class CliFailure extends RuntimeException {

    public CliFailure(String message) {
        super(message, null, false, false);
    }
}

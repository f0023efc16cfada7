package dev.quarkflow.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns service names given on the command line into catalog entries, or a usage error naming the bad one. */
final class Services {

    private Services() {
    }

    static List<LocalService> select(CommandSpec spec, List<String> names) {
        try {
            return ServiceCatalog.select(names);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

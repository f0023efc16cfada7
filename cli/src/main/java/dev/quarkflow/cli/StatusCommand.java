package dev.quarkflow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Show which services are up. Exit code 0 when all shown are ready, 3 otherwise.")
public class StatusCommand implements Callable<Integer> {

    static final int NOT_ALL_READY = 3;

    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Services to check (default: all).")
    List<String> names = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Inject
    HealthProbe probe;

    @Override
    public Integer call() {
        List<LocalService> services = Services.select(spec, names);
        PrintWriter out = spec.commandLine().getOut();
        boolean allReady = true;
        for (LocalService service : services) {
            HealthProbe.State state = probe.probe(service);
            allReady &= state == HealthProbe.State.READY;
            out.printf("%-20s %-9s %s%n", service.name(), label(state), service.listens());
        }
        out.flush();
        return allReady ? 0 : NOT_ALL_READY;
    }

    private static String label(HealthProbe.State state) {
        return switch (state) {
            case READY -> "up";
            case NOT_READY -> "starting";
            case DOWN -> "down";
        };
    }
}

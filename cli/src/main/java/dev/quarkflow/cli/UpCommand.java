package dev.quarkflow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "up", description = "Start the built services as local processes, wait until each is healthy, "
        + "and stop them all on Ctrl-C.")
public class UpCommand implements Runnable {

    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Services to start (default: all).")
    List<String> names = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Inject
    CliConfig config;

    @Inject
    LocalServices localServices;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        List<LocalService> services = Services.select(spec, names);
        err.printf("Starting %d service(s); state and logs under %s%n", services.size(), config.dataDir());
        err.flush();
        LocalServices.Session session = localServices.ensureUp(services, err);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Quarkflow is up:");
        for (LocalService service : services) {
            out.printf("  %-20s %s%n", service.name(), service.listens());
        }
        out.flush();
        if (!session.startedAny()) {
            err.println("Nothing was started here.");
            err.flush();
            return;
        }
        try {
            session.holdUntilInterrupted();
        } catch (CliFailure e) {
            session.stop();
            throw new CliFailure(e.getMessage() + "; stopped the others");
        }
    }
}

package dev.quarkflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "up", description = "Start the built services as local processes, wait until each is healthy, "
        + "and stop them all on Ctrl-C.")
public class UpCommand implements Runnable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Services to start (default: all).")
    List<String> names = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Inject
    CliConfig config;

    @Inject
    ServiceLauncher launcher;

    @Inject
    HealthProbe probe;

    private final Map<LocalService, Process> started = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        List<LocalService> services;
        try {
            services = ServiceCatalog.select(names);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(err), "quarkflow-stop"));

        err.printf("Starting %d service(s); state and logs under %s%n", services.size(), config.dataDir());
        err.flush();
        for (LocalService service : services) {
            switch (probe.probe(service)) {
                case READY -> err.printf("  %-20s already running%n", service.name());
                case NOT_READY -> fail(err, service.name() + ": port " + service.healthPort()
                        + " is taken by a process that is not a ready Quarkflow service");
                case DOWN -> startOne(err, service);
            }
        }
        awaitReady(err, services);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Quarkflow is up:");
        for (LocalService service : services) {
            out.printf("  %-20s %s%n", service.name(), service.listens());
        }
        out.flush();
        err.println(started.isEmpty() ? "Nothing was started here." : "Press Ctrl-C to stop them.");
        err.flush();
        if (started.isEmpty()) {
            return;
        }
        watchUntilOneExits(err);
    }

    private void startOne(PrintWriter err, LocalService service) {
        try {
            started.put(service, launcher.start(service));
        } catch (IOException e) {
            fail(err, "cannot start " + service.name() + ": " + e.getMessage());
        }
    }

    private void awaitReady(PrintWriter err, List<LocalService> services) {
        Instant deadline = Instant.now().plus(config.cli().startTimeout());
        List<LocalService> waiting = new ArrayList<>(started.keySet());
        while (!waiting.isEmpty()) {
            for (LocalService service : List.copyOf(waiting)) {
                Process process = started.get(service);
                if (!process.isAlive()) {
                    err.printf("  %-20s exited with code %d before it was ready; last lines of %s:%n", service.name(),
                            process.exitValue(), launcher.logFile(service));
                    launcher.tail(service, 15).forEach(line -> err.println("    " + line));
                    fail(err, service.name() + " did not start");
                }
                if (probe.probe(service) == HealthProbe.State.READY) {
                    err.printf("  %-20s ready (pid %d)%n", service.name(), process.pid());
                    err.flush();
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                fail(err, "not ready after " + config.cli().startTimeout().toSeconds() + "s: "
                        + waiting.stream().map(LocalService::name).toList() + " (logs under "
                        + config.dataDir().resolve("logs") + ")");
            }
            pause();
        }
    }

    /** Blocks until Ctrl-C; if a service dies meanwhile, says so and stops the rest. */
    private void watchUntilOneExits(PrintWriter err) {
        while (true) {
            for (Map.Entry<LocalService, Process> entry : started.entrySet()) {
                if (!entry.getValue().isAlive()) {
                    err.printf("%s exited with code %d; stopping the others (log: %s)%n", entry.getKey().name(),
                            entry.getValue().exitValue(), launcher.logFile(entry.getKey()));
                    fail(err, entry.getKey().name() + " stopped unexpectedly");
                }
            }
            pause();
        }
    }

    private void fail(PrintWriter err, String message) {
        err.println("quarkflow up: " + message);
        err.flush();
        stopAll(err);
        throw new UpFailedException(message);
    }

    private synchronized void stopAll(PrintWriter err) {
        if (stopped.getCount() == 0) {
            return;
        }
        stopped.countDown();
        started.values().forEach(Process::destroy);
        for (Map.Entry<LocalService, Process> entry : started.entrySet()) {
            Process process = entry.getValue();
            try {
                if (!process.waitFor(config.cli().stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            err.printf("  %-20s stopped%n", entry.getKey().name());
        }
        err.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpFailedException("interrupted");
        }
    }

    /** Ends {@code up} with a one-line message and exit code 1, no stack trace. */
    static final class UpFailedException extends RuntimeException {
        UpFailedException(String message) {
            super(message, null, false, false);
        }
    }
}

package dev.quarkflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brings services up as child processes of this CLI and takes down what it started: the embedded shape behind
 * {@code up}, {@code run}, {@code demo} and {@code experiment run}.
 */
@ApplicationScoped
public class LocalServices {

    private static final long POLL_MILLIS = 250;

    private final CliConfig config;
    private final ServiceLauncher launcher;
    private final HealthProbe probe;

    LocalServices(CliConfig config, ServiceLauncher launcher, HealthProbe probe) {
        this.config = config;
        this.launcher = launcher;
        this.probe = probe;
    }

    /** Services started by one command; {@link #stop} ends them, once, whoever calls it first. */
    public final class Session {
        private final Map<LocalService, Process> started = new LinkedHashMap<>();
        private final PrintWriter err;
        private boolean stopped;

        private Session(PrintWriter err) {
            this.err = err;
        }

        public boolean startedAny() {
            return !started.isEmpty();
        }

        /** Throws when a started service has exited on its own. */
        public void checkAlive() {
            for (Map.Entry<LocalService, Process> entry : started.entrySet()) {
                if (!entry.getValue().isAlive()) {
                    throw new CliFailure(entry.getKey().name() + " exited with code " + entry.getValue().exitValue()
                            + " (log: " + launcher.logFile(entry.getKey()) + ")");
                }
            }
        }

        /**
         * Keeps the started services running until Ctrl-C (the shutdown hook stops them); throws if one of them
         * exits on its own. Returns at once when this command started nothing.
         */
        public void holdUntilInterrupted() {
            if (started.isEmpty()) {
                return;
            }
            err.println("Press Ctrl-C to stop them.");
            err.flush();
            while (true) {
                checkAlive();
                pause();
            }
        }

        public synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
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
    }

    /**
     * Makes every service ready: leaves running ones alone, starts the others and waits for their readiness. On
     * failure, stops what it started and throws {@link CliFailure} with a one-line reason (the log tail printed).
     * A shutdown hook stops the started services on Ctrl-C.
     */
    public Session ensureUp(List<LocalService> services, PrintWriter err) {
        Session session = new Session(err);
        Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "quarkflow-stop"));
        try {
            for (LocalService service : services) {
                switch (probe.probe(service)) {
                    case READY -> err.printf("  %-20s already running%n", service.name());
                    case NOT_READY -> throw new CliFailure(service.name() + ": port " + service.healthPort()
                            + " is taken by a process that is not a ready Quarkflow service");
                    case DOWN -> session.started.put(service, start(service));
                }
            }
            awaitReady(session, err);
            return session;
        } catch (CliFailure e) {
            session.stop();
            throw e;
        }
    }

    private Process start(LocalService service) {
        try {
            return launcher.start(service);
        } catch (IOException e) {
            throw new CliFailure("cannot start " + service.name() + ": " + e.getMessage());
        }
    }

    private void awaitReady(Session session, PrintWriter err) {
        Instant deadline = Instant.now().plus(config.cli().startTimeout());
        List<LocalService> waiting = new ArrayList<>(session.started.keySet());
        while (!waiting.isEmpty()) {
            for (LocalService service : List.copyOf(waiting)) {
                Process process = session.started.get(service);
                if (!process.isAlive()) {
                    err.printf("  %-20s exited with code %d before it was ready; last lines of %s:%n", service.name(),
                            process.exitValue(), launcher.logFile(service));
                    launcher.tail(service, 15).forEach(line -> err.println("    " + line));
                    throw new CliFailure(service.name() + " did not start");
                }
                if (probe.probe(service) == HealthProbe.State.READY) {
                    err.printf("  %-20s ready (pid %d)%n", service.name(), process.pid());
                    err.flush();
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                for (LocalService service : waiting) {
                    err.printf("  %-20s not ready; last lines of %s:%n", service.name(), launcher.logFile(service));
                    launcher.tail(service, 15).forEach(line -> err.println("    " + line));
                }
                throw new CliFailure("not ready after " + config.cli().startTimeout().toSeconds() + "s: "
                        + waiting.stream().map(LocalService::name).toList() + " (logs under "
                        + config.dataDir().resolve("logs") + ")");
            }
            pause();
        }
    }

    static void pause() {
        sleep(java.time.Duration.ofMillis(POLL_MILLIS));
    }

    /** Waits between polls of a process or an HTTP endpoint; Ctrl-C ends the command. */
    static void sleep(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
    }
}

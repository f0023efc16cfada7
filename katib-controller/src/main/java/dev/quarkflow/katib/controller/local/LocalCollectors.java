package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.metrics.MetricsParser;
import dev.quarkflow.katib.controller.metrics.PrometheusText;
import dev.quarkflow.katib.controller.metrics.TfEventReader;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;
import dev.quarkflow.katib.controller.model.Observation;

/**
 * The metrics collectors of a local run, one per experiment, every kind upstream has:
 * <ul>
 * <li>StdOut / File: the trial's output / the collector file, parsed when the trial has exited;</li>
 * <li>TensorFlowEvent: the event files under the collector directory that were written since the trial started;</li>
 * <li>PrometheusMetric: {@code <scheme>://127.0.0.1:<port><path>} scraped every {@link #SCRAPE_INTERVAL} while the
 * trial runs and once when it has exited (a value is recorded when it changed);</li>
 * <li>Push: the trial reports to an in-memory DBManager on a loopback port, given to it as
 * {@code KATIB_DB_MANAGER_ADDRESS} (next to {@code KATIB_TRIAL_NAME});</li>
 * <li>Custom: the collector container's {@code command}+{@code args} run next to the trial with the same two
 * variables, its output in {@code <trial dir>/collector.log}; it reports to that DBManager, and is waited for up to
 * {@link #CUSTOM_COLLECTOR_GRACE} after the trial exited.</li>
 * </ul>
 */
final class LocalCollectors implements AutoCloseable {

    static final String ENV_DB_MANAGER_ADDRESS = "KATIB_DB_MANAGER_ADDRESS";
    static final Duration SCRAPE_INTERVAL = Duration.ofMillis(500);
    static final Duration CUSTOM_COLLECTOR_GRACE = Duration.ofSeconds(60);

    private final MetricsCollectorSpec spec;
    private final String kind;
    private final List<String> metricNames;
    private final Path workDir;
    private final Clock clock;
    private final LocalDBManager dbManager;
    private final ScheduledExecutorService scraper;
    private final HttpClient http;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Scrape> scrapes = new ConcurrentHashMap<>();
    private final Map<String, Process> customCollectors = new ConcurrentHashMap<>();

    /** The values scraped from one trial, consecutive repeats of a value left out. */
    private static final class Scrape {
        final List<MetricLog> logs = new ArrayList<>();
        final Map<String, String> last = new HashMap<>();
        ScheduledFuture<?> task;
        String lastError;

        synchronized void add(List<MetricLog> scraped) {
            for (MetricLog log : scraped) {
                if (!log.value().equals(last.put(log.name(), log.value()))) {
                    logs.add(log);
                }
            }
        }
    }

    LocalCollectors(Experiment experiment, Path workDir, Clock clock) throws IOException {
        this.spec = experiment.spec.metricsCollectorSpec;
        this.kind = spec.kind() == null ? MetricsCollectorSpec.STDOUT : spec.kind();
        this.metricNames = experiment.spec.objective.allMetricNames();
        this.workDir = workDir;
        this.clock = clock;
        boolean reports = kind.equals(MetricsCollectorSpec.PUSH) || kind.equals(MetricsCollectorSpec.CUSTOM);
        this.dbManager = reports ? new LocalDBManager() : null;
        boolean scrapes = kind.equals(MetricsCollectorSpec.PROMETHEUS);
        this.scraper = scrapes ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "prometheus-scraper");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.http = scrapes ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build() : null;
    }

    /** Variables every trial process (and a Custom collector) gets besides its own. */
    Map<String, String> env() {
        return dbManager == null ? Map.of() : Map.of(ENV_DB_MANAGER_ADDRESS, dbManager.address());
    }

    /** The trial's process has started: start scraping, or its Custom collector. */
    void started(String trial, Path trialDir, Consumer<String> notes) {
        started.put(trial, clock.instant());
        if (scraper != null) {
            Scrape scrape = new Scrape();
            scrapes.put(trial, scrape);
            scrape.task = scraper.scheduleWithFixedDelay(() -> scrape(scrape), 0, SCRAPE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (kind.equals(MetricsCollectorSpec.CUSTOM)) {
            startCustomCollector(trial, trialDir, notes);
        }
    }

    /** What the trial has reported so far, for early stopping while it runs (nothing is stopped or waited for). */
    List<MetricLog> sofar(String trial, Path stdoutLog) {
        try {
            return switch (kind) {
                case MetricsCollectorSpec.PROMETHEUS -> {
                    Scrape scrape = scrapes.get(trial);
                    if (scrape == null) {
                        yield List.of();
                    }
                    synchronized (scrape) {
                        yield List.copyOf(scrape.logs);
                    }
                }
                case MetricsCollectorSpec.PUSH, MetricsCollectorSpec.CUSTOM -> dbManager.logs(trial);
                case MetricsCollectorSpec.TF_EVENT -> tfEvents(trial, note -> {
                });
                default -> read(stdoutLog);
            };
        } catch (IOException | MetricsParser.MetricsFormatException e) {
            return List.of(); // still being written: looked at again later
        }
    }

    /** The trial's process has exited: its metric logs (an {@code unavailable} objective when none came). */
    List<MetricLog> collect(String trial, Path stdoutLog, Consumer<String> notes) throws InterruptedException {
        try {
            return switch (kind) {
                case MetricsCollectorSpec.TF_EVENT -> tfEvents(trial, notes);
                case MetricsCollectorSpec.PROMETHEUS -> scraped(trial, notes);
                case MetricsCollectorSpec.PUSH -> orUnavailable(dbManager.logs(trial));
                case MetricsCollectorSpec.CUSTOM -> {
                    awaitCustomCollector(trial, notes);
                    yield orUnavailable(dbManager.logs(trial));
                }
                default -> read(stdoutLog);
            };
        } catch (IOException | MetricsParser.MetricsFormatException e) {
            notes.accept("trial " + trial + ": metrics not collected: " + e.getMessage());
            return List.of();
        }
    }

    /** StdOut (the trial's output) or File (TEXT or JSON). */
    private List<MetricLog> read(Path stdoutLog) throws IOException, MetricsParser.MetricsFormatException {
        if (kind.equals(MetricsCollectorSpec.FILE)) {
            Path file = workDir.resolve(spec.source.fileSystemPath.path);
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return MetricsCollectorSpec.FileSystemPath.FORMAT_JSON.equals(spec.source.fileSystemPath.format)
                    ? MetricsParser.parseJson(lines, metricNames)
                    : MetricsParser.parseText(lines, metricNames, filters());
        }
        return MetricsParser.parseText(Files.readAllLines(stdoutLog), metricNames, filters());
    }

    private List<MetricLog> tfEvents(String trial, Consumer<String> notes) throws IOException {
        Instant since = started.getOrDefault(trial, Instant.EPOCH).minusSeconds(1);
        List<String> warnings = new ArrayList<>();
        List<MetricLog> logs = TfEventReader.collect(workDir.resolve(spec.source.fileSystemPath.path), metricNames,
                file -> {
                    try {
                        return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
                    } catch (IOException e) {
                        return false;
                    }
                }, warnings, clock.instant());
        warnings.forEach(warning -> notes.accept("trial " + trial + ": " + warning));
        return logs;
    }

    private List<MetricLog> scraped(String trial, Consumer<String> notes) {
        Scrape scrape = scrapes.remove(trial);
        if (scrape == null) {
            return orUnavailable(List.of());
        }
        scrape.task.cancel(false);
        scrape(scrape);
        synchronized (scrape) {
            if (scrape.logs.isEmpty() && scrape.lastError != null) {
                notes.accept("trial " + trial + ": metrics endpoint: " + scrape.lastError);
            }
            return orUnavailable(List.copyOf(scrape.logs));
        }
    }

    private void scrape(Scrape scrape) {
        MetricsCollectorSpec.HttpGet httpGet = spec.source.httpGet;
        String scheme = httpGet.scheme == null || httpGet.scheme.isEmpty() ? "http" : httpGet.scheme.toLowerCase();
        URI uri = URI.create(scheme + "://127.0.0.1:" + httpGet.port.asText() + httpGet.path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET();
            if (httpGet.httpHeaders != null) {
                httpGet.httpHeaders.forEach(h -> request.header(String.valueOf(h.get("name")),
                        String.valueOf(h.get("value"))));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            scrape.add(PrometheusText.parse(response.body(), metricNames, clock.instant()));
        } catch (IOException | PrometheusText.FormatException e) {
            synchronized (scrape) {
                scrape.lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startCustomCollector(String trial, Path trialDir, Consumer<String> notes) {
        JsonNode container = spec.collector.customCollector;
        List<String> argv = new ArrayList<>();
        container.path("command").forEach(part -> argv.add(part.asText()));
        container.path("args").forEach(part -> argv.add(part.asText()));
        if (!container.has("command")) {
            notes.accept("trial " + trial + ": custom collector " + container.path("name").asText()
                    + " has no command; locally the image's entrypoint is unknown, so it does not run");
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(trialDir.resolve("collector.log").toFile());
        container.path("env").forEach(variable -> {
            if (variable.has("value")) {
                builder.environment().put(variable.path("name").asText(), variable.path("value").asText());
            }
        });
        builder.environment().putAll(env());
        builder.environment().put(dev.quarkflow.katib.controller.engine.KatibNames.ENV_TRIAL_NAME, trial);
        try {
            customCollectors.put(trial, builder.start());
        } catch (IOException e) {
            notes.accept("trial " + trial + ": custom collector did not start: " + e.getMessage());
        }
    }

    private void awaitCustomCollector(String trial, Consumer<String> notes) throws InterruptedException {
        Process collector = customCollectors.remove(trial);
        if (collector == null) {
            return;
        }
        if (!collector.waitFor(CUSTOM_COLLECTOR_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            notes.accept("trial " + trial + ": custom collector still running " + CUSTOM_COLLECTOR_GRACE
                    + " after the trial; stopped");
            collector.descendants().forEach(ProcessHandle::destroy);
            collector.destroy();
        }
    }

    private List<String> filters() {
        return spec.source == null || spec.source.filter == null || spec.source.filter.metricsFormat == null
                ? List.of()
                : spec.source.filter.metricsFormat;
    }

    private List<MetricLog> orUnavailable(List<MetricLog> logs) {
        String objective = metricNames.get(0);
        if (logs.stream().noneMatch(log -> log.name().equals(objective))) {
            List<MetricLog> withUnavailable = new ArrayList<>(logs);
            withUnavailable.add(new MetricLog(MetricLog.ZERO_TIME, objective, Observation.UNAVAILABLE));
            return withUnavailable;
        }
        return logs;
    }

    @Override
    public void close() throws InterruptedException {
        customCollectors.values().forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
        if (scraper != null) {
            scraper.shutdownNow();
        }
        if (dbManager != null) {
            dbManager.close();
        }
    }
}

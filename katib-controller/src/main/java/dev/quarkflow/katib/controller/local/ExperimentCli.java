package dev.quarkflow.katib.controller.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.quarkflow.katib.controller.engine.ExperimentDefaults;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.engine.ExperimentStatusCalculator;
import dev.quarkflow.katib.controller.engine.ExperimentValidator;
import dev.quarkflow.katib.controller.engine.FieldError;
import dev.quarkflow.katib.controller.engine.Json;
import dev.quarkflow.katib.controller.engine.KatibCatalog;
import dev.quarkflow.katib.controller.engine.TemplateSource;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.katib.controller.suggestion.GrpcEarlyStoppingService;
import dev.quarkflow.katib.controller.suggestion.GrpcSuggestionService;
import dev.quarkflow.katib.controller.suggestion.SuggestionSync;

/**
 * {@code experiment run EXPERIMENT.yaml [--output json] [--suggestion-address host:port] [--data-dir DIR]
 * [--work-dir DIR] [--suggestion-retry-window DURATION] [--early-stopping-address host:port]}: runs an upstream
 * Experiment locally. Progress and the best
 * trial go to stderr; with {@code --output json} stdout holds the final Experiment. Exit 0 Succeeded, 1 Failed, 2 the
 * command or the Experiment was refused before anything ran.
 */
public final class ExperimentCli {

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int REFUSED = 2;

    static final String USAGE = "usage: experiment run EXPERIMENT.yaml [--output json] [--suggestion-address host:port]"
            + " [--data-dir DIR] [--work-dir DIR] [--suggestion-retry-window PT2M] [--early-stopping-address host:port]";
    static final String DEFAULT_SUGGESTION_ADDRESS = "127.0.0.1:6789";
    /** katib-suggestion's EarlyStopping-only port, upstream's early-stopping port. */
    static final String DEFAULT_EARLY_STOPPING_ADDRESS = "127.0.0.1:6788";
    private static final Duration SUGGESTION_DEADLINE = Duration.ofSeconds(60);
    /** Local mode collects every kind itself, PrometheusMetric included (upstream's stock katib-config has none). */
    private static final KatibCatalog LOCAL_CATALOG = new KatibCatalog(KatibCatalog.upstreamDefault().algorithms(),
            KatibCatalog.upstreamDefault().earlyStoppingAlgorithms(), Set.of(MetricsCollectorSpec.STDOUT,
                    MetricsCollectorSpec.FILE, MetricsCollectorSpec.TF_EVENT, MetricsCollectorSpec.PROMETHEUS));

    private ExperimentCli() {
    }

    /** Parsed command line. */
    record Options(Path experimentFile, boolean json, String suggestionAddress, Path dataDir, Path workDir,
            Duration retryWindow, String earlyStoppingAddress) {
    }

    /** @param env the process environment ({@code QUARKFLOW_DATA_DIR} sets the default data directory) */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        Options options;
        try {
            options = parse(List.of(args), env);
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            stderr.println(USAGE);
            return REFUSED;
        }
        Experiment experiment;
        try {
            experiment = ExperimentDefaults.apply(ExperimentReader.read(options.experimentFile()));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            stderr.println("error: " + options.experimentFile() + ": " + e.getMessage());
            return REFUSED;
        }
        if (experiment.metadata.namespace == null) {
            experiment.metadata.namespace = "default";
        }
        List<FieldError> errors = new ExperimentValidator(LOCAL_CATALOG, TemplateSource.none())
                .validate(experiment);
        if (!errors.isEmpty()) {
            stderr.println("error: admission webhook denied the Experiment " + options.experimentFile() + ":");
            errors.forEach(error -> stderr.println("  " + error));
            return REFUSED;
        }
        Path runDir = options.dataDir().resolve("katib-controller").resolve("local")
                .resolve(experiment.namespace()).resolve(experiment.name());
        Optional<LocalState> stored;
        try {
            stored = LocalState.load(runDir);
        } catch (java.io.IOException e) {
            stderr.println("error: " + LocalState.file(runDir) + ": not a stored run of the experiment ("
                    + e.getMessage() + "); remove it to start over");
            return REFUSED;
        }
        if (stored.isPresent()) {
            // the stored run is the Experiment as upstream keeps it: this run is an update of it
            Experiment old = stored.get().experiment();
            List<FieldError> updateErrors = new ExperimentValidator(LOCAL_CATALOG, TemplateSource.none())
                    .validate(experiment, old);
            if (!updateErrors.isEmpty()) {
                stderr.println("error: admission webhook denied the Experiment " + options.experimentFile()
                        + " as an update of the run stored in " + LocalState.file(runDir)
                        + " (remove it to start over):");
                updateErrors.forEach(error -> stderr.println("  " + error));
                return REFUSED;
            }
            experiment.status = old.status;
            if (!ExperimentStatusCalculator.shouldRestart(experiment)) {
                stderr.println("Experiment " + experiment.name() + " has completed (stored in "
                        + LocalState.file(runDir) + "); raise spec.maxTrialCount to restart it, or remove that file"
                        + " to start over");
                return finish(new TrialTable(stderr, false), experiment, stored.get().trials(), options, stdout,
                        stderr);
            }
        }
        stderr.println("Running experiment " + experiment.name() + " locally (algorithm "
                + experiment.spec.algorithm.algorithmName + " at " + options.suggestionAddress() + ", trial output in "
                + runDir + ")");
        TrialTable table = new TrialTable(stderr, System.console() != null && stderr == System.err);
        boolean earlyStopping = experiment.spec.earlyStopping != null;
        if (earlyStopping) {
            stderr.println("Early stopping " + experiment.spec.earlyStopping.algorithmName + " at "
                    + options.earlyStoppingAddress());
        }
        try (GrpcSuggestionService service = new GrpcSuggestionService(options.suggestionAddress(),
                SUGGESTION_DEADLINE);
                GrpcEarlyStoppingService rules = earlyStopping
                        ? new GrpcEarlyStoppingService(options.earlyStoppingAddress(), SUGGESTION_DEADLINE)
                        : null;
                LocalDBManager dbManager = earlyStopping ? new LocalDBManager() : null) {
            LocalExperimentRunner runner = new LocalExperimentRunner(service,
                    earlyStopping ? new SuggestionSync.EarlyStopping(rules, dbManager.address()) : null, dbManager,
                    runDir, options.workDir(), Clock.systemUTC(), table, options.retryWindow(), new SecureRandom(),
                    TemplateSource.none());
            if (stored.isPresent()) {
                stderr.println("Restarting from the stored run with " + stored.get().trials().size() + " trials");
            }
            LocalExperimentRunner.Result result = runner.run(experiment, stored.orElse(null));
            int code = finish(table, result.experiment(), result.trials(), options, stdout, stderr);
            if (LocalState.isKept(result.experiment())) {
                try {
                    new LocalState(result.experiment(), result.trials(), result.suggestion()).save(runDir);
                } catch (java.io.IOException e) {
                    stderr.println("error: unable to keep the run for a restart in " + LocalState.file(runDir) + ": "
                            + e.getMessage());
                    return FAILED;
                }
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("interrupted");
            return FAILED;
        } catch (java.io.IOException e) {
            stderr.println("error: unable to start the local DBManager for early stopping: " + e.getMessage());
            return FAILED;
        }
    }

    /** Prints the summary (and the Experiment as JSON when asked); the exit code follows its condition. */
    private static int finish(TrialTable table, Experiment experiment, List<Trial> trials, Options options,
            PrintStream stdout, PrintStream stderr) {
        table.summary(experiment, trials);
        if (options.json()) {
            try {
                stdout.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(experiment));
            } catch (JsonProcessingException e) {
                stderr.println("error: unable to write the Experiment as JSON: " + e.getOriginalMessage());
                return FAILED;
            }
            stdout.flush();
        }
        return ExperimentStatusCalculator.isSucceeded(experiment) ? SUCCEEDED : FAILED;
    }

    static Options parse(List<String> args, Map<String, String> env) {
        if (args.size() < 3 || !args.get(0).equals("experiment") || !args.get(1).equals("run")) {
            throw new IllegalArgumentException("expected: experiment run EXPERIMENT.yaml");
        }
        Path file = Path.of(args.get(2));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        boolean json = false;
        String address = DEFAULT_SUGGESTION_ADDRESS;
        String dataDirEnv = env.get("QUARKFLOW_DATA_DIR");
        Path dataDir = dataDirEnv == null || dataDirEnv.isBlank()
                ? Path.of(System.getProperty("user.home"), ".quarkflow")
                : Path.of(dataDirEnv);
        Path workDir = Path.of("").toAbsolutePath();
        Duration retryWindow = Duration.ofMinutes(2);
        String earlyStoppingAddress = DEFAULT_EARLY_STOPPING_ADDRESS;
        for (int i = 3; i < args.size(); i++) {
            String flag = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--output", "-o" -> {
                    if (!value.equals("json")) {
                        throw new IllegalArgumentException("--output supports only json");
                    }
                    json = true;
                }
                case "--suggestion-address" -> address = value;
                case "--early-stopping-address" -> earlyStoppingAddress = value;
                case "--data-dir" -> dataDir = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value).toAbsolutePath();
                case "--suggestion-retry-window" -> {
                    try {
                        retryWindow = Duration.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--suggestion-retry-window takes an ISO-8601 duration"
                                + " such as PT2M");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
            i++;
        }
        return new Options(file, json, address, dataDir, workDir, retryWindow, earlyStoppingAddress);
    }
}

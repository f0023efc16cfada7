package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import dev.quarkflow.katib.controller.engine.EarlyStoppingRules;
import dev.quarkflow.katib.controller.engine.ExperimentStatusCalculator;
import dev.quarkflow.katib.controller.engine.JobStatus;
import dev.quarkflow.katib.controller.engine.TemplateSource;
import dev.quarkflow.katib.controller.engine.TrialFactory;
import dev.quarkflow.katib.controller.engine.TrialPlanner;
import dev.quarkflow.katib.controller.engine.TrialStates;
import dev.quarkflow.katib.controller.engine.TrialTemplates;
import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.metrics.ObservationCalculator;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.katib.controller.suggestion.SettingsValidation;
import dev.quarkflow.katib.controller.suggestion.SuggestionService;
import dev.quarkflow.katib.controller.suggestion.SuggestionSync;
import io.grpc.StatusRuntimeException;

/**
 * Runs a defaulted, validated Experiment on this machine: the same engine as the cluster reconciler (status, trial
 * arithmetic, suggestion sync, templates), with trials as local processes and metrics read from their output. Calls
 * to the Suggestion service that fail are retried with backoff until {@code suggestionRetryWindow} has passed without
 * success; assignments are kept in the Suggestion before trials start, so a retry never duplicates or loses a trial.
 * A completed experiment waits for its running trials, as upstream lets them finish.
 */
public final class LocalExperimentRunner {

    private static final Logger LOG = Logger.getLogger(LocalExperimentRunner.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration IDLE_TICK = Duration.ofSeconds(1);

    private static final Duration EARLY_STOPPING_TICK = Duration.ofMillis(250);

    private final SuggestionService service;
    private final SuggestionSync.EarlyStopping earlyStopping;
    private final LocalDBManager dbManager;
    private final Path runDir;
    private final Path workDir;
    private final Clock clock;
    private final TrialTable table;
    private final Duration suggestionRetryWindow;
    private final SuggestionSync sync;
    private final TemplateSource templates;

    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final Map<String, TrialProcess> running = new LinkedHashMap<>();
    private LocalCollectors collectors;

    private record Finished(String trial, int exitCode) {
    }

    public LocalExperimentRunner(SuggestionService service, Path runDir, Path workDir, Clock clock, TrialTable table,
            Duration suggestionRetryWindow, RandomGenerator random, TemplateSource templates) {
        this(service, null, null, runDir, workDir, clock, table, suggestionRetryWindow, random, templates);
    }

    /**
     * @param earlyStopping rules for experiments with {@code earlyStopping} (null without)
     * @param dbManager where finished trials' logs are reported, for the early-stopping service (null without)
     */
    LocalExperimentRunner(SuggestionService service, SuggestionSync.EarlyStopping earlyStopping,
            LocalDBManager dbManager, Path runDir, Path workDir, Clock clock, TrialTable table,
            Duration suggestionRetryWindow, RandomGenerator random, TemplateSource templates) {
        this.service = service;
        this.earlyStopping = earlyStopping;
        this.dbManager = dbManager;
        this.runDir = runDir;
        this.workDir = workDir;
        this.clock = clock;
        this.table = table;
        this.suggestionRetryWindow = suggestionRetryWindow;
        this.sync = new SuggestionSync(random);
        this.templates = templates;
    }

    /** The experiment as it ended and its trials; the experiment's status says Succeeded or Failed. */
    public record Result(Experiment experiment, List<Trial> trials, Suggestion suggestion) {
        public boolean succeeded() {
            return ExperimentStatusCalculator.isSucceeded(experiment);
        }
    }

    public Result run(Experiment experiment) throws InterruptedException {
        return run(experiment, null);
    }

    /**
     * @param resumed a completed earlier run to restart from (its trials and Suggestion; the experiment carries its
     *        status and a raised maxTrialCount), or null
     */
    public Result run(Experiment experiment, LocalState resumed) throws InterruptedException {
        List<Trial> trials = resumed == null ? new ArrayList<>() : new ArrayList<>(resumed.trials());
        Suggestion suggestion = resumed == null ? Suggestion.forExperiment(experiment, 0) : resumed.suggestion();
        if (resumed != null) {
            ExperimentStatusCalculator.markRestarting(experiment, now());
        }
        ExperimentStatusCalculator.markCreated(experiment, now());
        Retry retry = new Retry();
        boolean validated = false;
        try {
            collectors = new LocalCollectors(experiment, workDir, clock);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("unable to start the local metrics collectors", e);
        }
        try (LocalCollectors closing = collectors) {
            while (true) {
                if (!trials.isEmpty()) {
                    ExperimentStatusCalculator.update(experiment, trials, now());
                }
                if (ExperimentStatusCalculator.isCompleted(experiment)) {
                    if (running.isEmpty()) {
                        break;
                    }
                    awaitFinished(experiment, trials, null);
                    continue;
                }
                if (!validated) {
                    validated = validateAlgorithm(experiment, retry);
                    if (ExperimentStatusCalculator.isCompleted(experiment)) {
                        continue;
                    }
                }
                TrialPlanner.Plan plan = TrialPlanner.plan(experiment, trials);
                if (plan.suggestionRequests() >= 0) {
                    suggestion.spec.requests = plan.suggestionRequests();
                }
                if (validated && TrialPlanner.toRequest(suggestion) > 0 && retry.due(clock.instant())) {
                    requestSuggestions(experiment, suggestion, trials, retry);
                }
                for (Suggestion.TrialAssignment assignment : TrialPlanner.withoutTrial(suggestion, trials)) {
                    trials.add(startTrial(experiment, assignment));
                }
                boolean watching = stopEarly(experiment, trials);
                table.show(experiment, trials);
                Duration wait = retry.waitFor(clock.instant());
                awaitFinished(experiment, trials,
                        watching && wait.compareTo(EARLY_STOPPING_TICK) > 0 ? EARLY_STOPPING_TICK : wait);
            }
        } finally {
            running.values().forEach(TrialProcess::kill);
        }
        table.show(experiment, trials);
        return new Result(experiment, trials, suggestion);
    }

    /** @return true once the services accepted the settings (or cannot validate them) */
    private boolean validateAlgorithm(Experiment experiment, Retry retry) {
        if (!retry.due(clock.instant())) {
            return false;
        }
        SettingsValidation.Outcome outcome = SettingsValidation.validate(experiment, service,
                earlyStopping == null ? null : earlyStopping.service());
        switch (outcome.result()) {
            case VALID -> {
                retry.succeeded();
                return true;
            }
            case INVALID -> {
                ExperimentStatusCalculator.markFailed(experiment, "Suggestion has failed: " + outcome.message(),
                        now());
                return false;
            }
            default -> {
                failed(experiment, retry, outcome.message());
                return false;
            }
        }
    }

    private void requestSuggestions(Experiment experiment, Suggestion suggestion, List<Trial> trials, Retry retry) {
        try {
            sync.sync(experiment, suggestion, trials, service, earlyStopping);
            retry.succeeded();
        } catch (StatusRuntimeException | SuggestionSync.UnexpectedReplyException e) {
            failed(experiment, retry, "GetSuggestions: " + (e instanceof StatusRuntimeException s ? s.getStatus()
                    : e.getMessage()));
        }
    }

    private void failed(Experiment experiment, Retry retry, String cause) {
        Instant now = clock.instant();
        retry.failed(now);
        if (retry.failingFor(now).compareTo(suggestionRetryWindow) > 0) {
            ExperimentStatusCalculator.markFailed(experiment, "Suggestion has failed: " + cause, now());
            return;
        }
        table.note("suggestion service: " + cause + "; retrying in " + retry.backoff.toMillis() + " ms");
    }

    private Trial startTrial(Experiment experiment, Suggestion.TrialAssignment assignment) {
        Trial trial;
        try {
            trial = TrialFactory.create(experiment, assignment, templates);
        } catch (TrialTemplates.TemplateException e) {
            trial = new Trial();
            trial.metadata.name = assignment.name;
            trial.spec.objective = experiment.spec.objective;
            trial.spec.parameterAssignments = assignment.parameterAssignments;
            TrialStates.markCreated(trial, now());
            TrialStates.apply(trial, new JobStatus(JobStatus.Condition.FAILED, "InvalidTemplate", e.getMessage()),
                    now());
            return trial;
        }
        TrialStates.markCreated(trial, now());
        try {
            LocalCommand command = LocalCommand.of(trial.spec.runSpec, trial.spec.primaryContainerName)
                    .withEnv(collectors.env());
            TrialProcess process = TrialProcess.start(trial.name(), command, runDir.resolve(trial.name()), workDir);
            running.put(trial.name(), process);
            collectors.started(trial.name(), runDir.resolve(trial.name()), table::note);
            String name = trial.name();
            process.exit().thenAccept(code -> finished.add(new Finished(name, code)));
            TrialStates.apply(trial, JobStatus.running(), now());
            LOG.debugf("trial started trial=%s argv=%s", name, command.argv());
        } catch (LocalCommand.NotRunnableException | IOException e) {
            TrialStates.apply(trial, new JobStatus(JobStatus.Condition.FAILED, "StartError", e.getMessage()), now());
        }
        return trial;
    }

    private void awaitFinished(Experiment experiment, List<Trial> trials, Duration timeout)
            throws InterruptedException {
        Finished first = timeout == null ? finished.take()
                : finished.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        List<Finished> all = new ArrayList<>(List.of(first));
        finished.drainTo(all);
        for (Finished done : all) {
            TrialProcess process = running.remove(done.trial());
            Trial trial = trials.stream().filter(t -> t.name().equals(done.trial())).findFirst().orElse(null);
            if (trial != null) {
                complete(experiment, trial, process, done.exitCode());
            }
        }
    }

    /**
     * Applies each running trial's early-stopping rules to what it has printed so far, as upstream's collector does
     * while training runs; a trial whose rules are all met is killed and marked EarlyStopped with its observation.
     *
     * @return whether any running trial still has rules to watch
     */
    private boolean stopEarly(Experiment experiment, List<Trial> trials) {
        boolean watching = false;
        for (Trial trial : trials) {
            TrialProcess process = running.get(trial.name());
            if (process == null || trial.spec.earlyStoppingRules == null || TrialStates.isCompleted(trial)) {
                continue;
            }
            List<MetricLog> logs = collectors.sofar(trial.name(), process.log());
            if (!EarlyStoppingRules.shouldStop(trial.spec.earlyStoppingRules, experiment.spec.objective, logs)) {
                watching = true;
                continue;
            }
            process.kill();
            trial.status.observation = ObservationCalculator.observe(logs, experiment.spec.objective.metricStrategies);
            TrialStates.markEarlyStopped(trial, now());
            if (dbManager != null) {
                dbManager.report(trial.name(), logs);
            }
            LOG.debugf("trial early stopped trial=%s", trial.name());
        }
        return watching;
    }

    private void complete(Experiment experiment, Trial trial, TrialProcess process, int exitCode)
            throws InterruptedException {
        if (TrialStates.isEarlyStopped(trial)) {
            // killed by its rules: status and observation were set when it was stopped
            return;
        }
        List<MetricLog> logs = collectors.collect(trial.name(), process.log(), table::note);
        if (dbManager != null) {
            dbManager.report(trial.name(), logs);
        }
        trial.status.observation = ObservationCalculator.observe(logs, experiment.spec.objective.metricStrategies);
        JobStatus job = exitCode == 0 ? new JobStatus(JobStatus.Condition.SUCCEEDED, null, null)
                : new JobStatus(JobStatus.Condition.FAILED, "Error",
                        "process exited with code " + exitCode + TrialProcess.lastLine(process.log())
                                .map(line -> ": " + line).orElse(""));
        TrialStates.apply(trial, job, now());
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Backoff state for calls to the Suggestion service. */
    private static final class Retry {
        private Instant failingSince;
        private Instant nextAttempt;
        private Duration backoff = FIRST_BACKOFF;

        boolean due(Instant now) {
            return nextAttempt == null || !now.isBefore(nextAttempt);
        }

        void failed(Instant now) {
            if (failingSince == null) {
                failingSince = now;
            } else {
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            nextAttempt = now.plus(backoff);
        }

        void succeeded() {
            failingSince = null;
            nextAttempt = null;
            backoff = FIRST_BACKOFF;
        }

        Duration failingFor(Instant now) {
            return failingSince == null ? Duration.ZERO : Duration.between(failingSince, now);
        }

        /** How long to wait for trials before acting again: until the next attempt, or a short idle tick. */
        Duration waitFor(Instant now) {
            if (nextAttempt == null) {
                return IDLE_TICK;
            }
            Duration left = Duration.between(now, nextAttempt);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }
}

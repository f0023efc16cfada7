package dev.quarkflow.katib.controller.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.engine.TrialStates;
import dev.quarkflow.katib.controller.metrics.ObservationCalculator;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import dev.quarkflow.katib.controller.model.Trial;

/**
 * The live view of a local experiment for a person, on stderr: on a terminal the trial table is redrawn in place;
 * otherwise one line is printed per trial state change. Ends with the best trial.
 */
public final class TrialTable {

    private static final int FAILED_SHOWN = 5;

    private final PrintStream out;
    private final boolean redraw;
    private final Map<String, String> lastState = new HashMap<>();
    private int drawnLines;

    public TrialTable(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    public void note(String message) {
        if (redraw && drawnLines > 0) {
            out.print("\033[" + drawnLines + "A\033[J");
            drawnLines = 0;
        }
        out.println(message);
        out.flush();
    }

    public void show(Experiment experiment, List<Trial> trials) {
        if (redraw) {
            List<String> lines = table(experiment, trials);
            if (drawnLines > 0) {
                out.print("\033[" + drawnLines + "A\033[J");
            }
            lines.forEach(out::println);
            drawnLines = lines.size();
        } else {
            for (Trial trial : trials) {
                String state = state(trial);
                if (!state.equals(lastState.put(trial.name(), state))) {
                    out.println(row(experiment, trial));
                }
            }
        }
        out.flush();
    }

    public void summary(Experiment experiment, List<Trial> trials) {
        if (!redraw) {
            table(experiment, trials).forEach(out::println);
        }
        ExperimentStatus status = experiment.status();
        String condition = status.conditions == null || status.conditions.isEmpty() ? "(none)"
                : status.conditions.get(status.conditions.size() - 1).type + " ("
                        + status.conditions.get(status.conditions.size() - 1).reason + ": "
                        + status.conditions.get(status.conditions.size() - 1).message + ")";
        out.println("Experiment " + experiment.name() + ": " + condition);
        out.println("Trials: " + status.trials + " total, " + status.trialsSucceeded + " succeeded, "
                + status.trialsFailed + " failed, " + status.trialMetricsUnavailable + " without metrics");
        List<Trial> failed = trials.stream().filter(TrialStates::isFailed).toList();
        failed.stream().limit(FAILED_SHOWN).forEach(trial -> out.println("  " + trial.name() + ": " + failure(trial)));
        if (failed.size() > FAILED_SHOWN) {
            out.println("  … and " + (failed.size() - FAILED_SHOWN) + " more failed trials");
        }
        ExperimentStatus.OptimalTrial best = status.currentOptimalTrial;
        if (best != null && best.bestTrialName != null) {
            out.println("Best trial: " + best.bestTrialName);
            out.println("  parameters: " + best.parameterAssignments.stream().map(p -> p.name + "=" + p.value)
                    .collect(Collectors.joining(", ")));
            out.println("  metrics:    " + (best.observation.metrics == null ? ""
                    : best.observation.metrics.stream()
                            .map(m -> m.name + " min=" + m.min + " max=" + m.max + " latest=" + m.latest)
                            .collect(Collectors.joining("; "))));
        } else {
            out.println("Best trial: none (no trial reported the objective)");
        }
        out.flush();
    }

    private static String failure(Trial trial) {
        return trial.status.condition(KatibNames.FAILED).map(c -> c.reason + ": " + c.message).orElse("failed");
    }

    private static List<String> table(Experiment experiment, List<Trial> trials) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-32s %-18s %-14s %s", "TRIAL", "STATUS",
                experiment.spec.objective.objectiveMetricName, "PARAMETERS"));
        trials.forEach(trial -> lines.add(row(experiment, trial)));
        return lines;
    }

    private static String row(Experiment experiment, Trial trial) {
        String objective = ObservationCalculator.objectiveValue(trial.status.observation, trial.spec.objective);
        String parameters = trial.spec.parameterAssignments == null ? ""
                : trial.spec.parameterAssignments.stream().map(p -> p.name + "=" + p.value)
                        .collect(Collectors.joining(" "));
        return String.format("%-32s %-18s %-14s %s", trial.name(), state(trial),
                TrialStates.isCompleted(trial) ? objective : "", parameters);
    }

    static String state(Trial trial) {
        if (TrialStates.isKilled(trial)) {
            return "Killed";
        } else if (TrialStates.isFailed(trial)) {
            return "Failed";
        } else if (TrialStates.isSucceeded(trial)) {
            return "Succeeded";
        } else if (TrialStates.isEarlyStopped(trial)) {
            return "EarlyStopped";
        } else if (TrialStates.isRunning(trial)) {
            return "Running";
        } else if (TrialStates.isMetricsUnavailable(trial)) {
            return "MetricsUnavailable";
        }
        return "Pending";
    }
}

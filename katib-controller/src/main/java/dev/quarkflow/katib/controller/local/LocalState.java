package dev.quarkflow.katib.controller.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import dev.quarkflow.katib.controller.engine.Json;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;

/**
 * A completed local run of an experiment whose {@code resumePolicy} is LongRunning or FromVolume, kept in its run
 * directory ({@code <data-dir>/katib-controller/local/<namespace>/<experiment>/experiment-state.json}): the experiment
 * with its status, its trials and its Suggestion (assignments, algorithm settings). The next run of the same
 * experiment starts from it — a raised {@code maxTrialCount} restarts it, as upstream does with the Experiment object
 * it keeps; with resumePolicy Never nothing is kept and every run starts afresh.
 */
public record LocalState(Experiment experiment, List<Trial> trials, Suggestion suggestion) {

    static final String FILE = "experiment-state.json";

    /** Whether runs of this experiment leave their state for the next run. */
    static boolean isKept(Experiment experiment) {
        return KatibNames.RESUME_LONG_RUNNING.equals(experiment.spec.resumePolicy)
                || KatibNames.RESUME_FROM_VOLUME.equals(experiment.spec.resumePolicy);
    }

    static Path file(Path runDir) {
        return runDir.resolve(FILE);
    }

    /** @throws IOException when the file exists but cannot be read as a stored run */
    static Optional<LocalState> load(Path runDir) throws IOException {
        Path file = file(runDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        LocalState state = Json.MAPPER.readValue(file.toFile(), LocalState.class);
        if (state.experiment() == null || state.experiment().spec == null || state.trials() == null
                || state.suggestion() == null) {
            throw new IOException("experiment, trials and suggestion are required");
        }
        return Optional.of(state);
    }

    /** Writes the state next to the trials' output, replacing the previous one in one step. */
    void save(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path partial = runDir.resolve(FILE + ".partial");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), this);
        Files.move(partial, file(runDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

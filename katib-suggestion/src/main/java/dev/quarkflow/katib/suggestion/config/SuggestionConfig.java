package dev.quarkflow.katib.suggestion.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

/** Settings of the suggestion service ({@code quarkflow.katib-suggestion.*}). */
@ConfigMapping(prefix = "quarkflow.katib-suggestion")
public interface SuggestionConfig {

    /** Port of the extra EarlyStopping-only gRPC server (Katib's 6788); negative switches it off, 0 picks one. */
    int earlyStoppingPort();

    /** Directory under which PBT keeps one checkpoint directory per trial. */
    Path pbtDataDir();
}

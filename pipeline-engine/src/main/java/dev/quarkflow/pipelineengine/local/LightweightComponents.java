package dev.quarkflow.pipelineengine.local;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the SDK's lightweight-component prelude: {@code sh -c "<pip install kfp==…> && \"$0\" \"$@\""}
 * followed by the real command. Dropping the first three elements runs exactly what would run after a
 * successful install, so the component can run offline with Quarkflow's own {@code kfp} runtime.
 */
public final class LightweightComponents {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "/bin/sh", "/bin/bash");

    private LightweightComponents() {
    }

    /** The command without its pip-install prelude, if it has one. */
    public static Optional<List<String>> withoutPipPrelude(List<String> command) {
        if (command.size() < 4 || !SHELLS.contains(command.get(0)) || !command.get(1).equals("-c")) {
            return Optional.empty();
        }
        String script = command.get(2);
        if (!script.contains("pip install") || !script.strip().endsWith("\"$0\" \"$@\"")) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(command.subList(3, command.size())));
    }

    /** Whether a command runs the KFP Python executor (lightweight or containerized Python component). */
    public static boolean runsKfpExecutor(List<String> argv) {
        return argv.stream().anyMatch(arg -> arg.contains("kfp.dsl.executor_main"));
    }
}

package dev.quarkflow.pipelineengine.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quarkflow.pipelineengine.api.TaskLogs;
import dev.quarkflow.pipelineengine.domain.ExecutorInputs;
import dev.quarkflow.pipelineengine.domain.ExecutorTask;
import dev.quarkflow.pipelineengine.domain.Placeholders;
import dev.quarkflow.pipelineengine.domain.SystemPlaceholders;
import dev.quarkflow.proto.pipelinespec.ExecutorInput;

/**
 * Everything needed to start one container task as a local process: its folder under the run root, executor
 * input, resolved argv, environment and log files.
 */
record TaskLaunch(ExecutorTask task, ExecutorInput executorInput, List<String> argv, Map<String, String> environment,
        Path workDir, TaskLogs logs) {

    /**
     * The program as the task's own PATH finds it: {@link ProcessBuilder} searches the JVM's PATH, which does not
     * have the runtime's {@code python3} first.
     */
    static String resolveProgram(String program, String path) {
        if (program.contains("/") || path == null) {
            return program;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    /** Environment variable through which the Python runtime maps remote URIs to local paths. */
    static final String MOUNT_ROOT_ENV = "QUARKFLOW_ARTIFACT_MOUNT_ROOT";

    /**
     * Prepares the task's folder and argv; throws {@link Placeholders.PlaceholderException} or
     * {@link IllegalArgumentException} when it cannot run here.
     */
    static TaskLaunch prepare(ExecutorTask task, String taskRootUri, ArtifactPaths paths, SystemPlaceholders system,
            PythonRuntime runtime, Path mountRoot) throws IOException {
        ExecutorInput input = ExecutorInputs.build(task, taskRootUri, paths::localPath);
        Placeholders placeholders = new Placeholders(input, system, paths::localPath);
        List<String> command = task.container().getCommandList();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("container of image '" + task.container().getImage()
                    + "' has no command: an image entrypoint cannot run locally");
        }
        List<String> argv = new ArrayList<>(placeholders.resolve(
                LightweightComponents.withoutPipPrelude(command).orElse(command)));
        argv.addAll(placeholders.resolve(task.container().getArgsList()));

        Path workDir = Path.of(paths.localPath(taskRootUri));
        Files.createDirectories(workDir.resolve(ExecutorInputs.PARAMETER_FOLDER));
        for (var list : input.getOutputs().getArtifactsMap().values()) {
            for (var artifact : list.getArtifactsList()) {
                Files.createDirectories(Path.of(paths.localPath(artifact.getUri())).getParent());
            }
        }
        Path logDir = Files.createDirectories(workDir.resolve(".logs"));
        // A retry starts from a clean slate: no stale outputs from the failed attempt.
        Files.deleteIfExists(Path.of(input.getOutputs().getOutputFile()));

        Map<String, String> env = new java.util.LinkedHashMap<>();
        task.container().getEnvList().forEach(e -> env.put(e.getName(), placeholders.substitute(e.getValue())));
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("PATH", runtime.binDir() + ":" + path);
        String pythonPath = System.getenv("PYTHONPATH");
        env.put("PYTHONPATH", runtime.pythonPath() + (pythonPath == null || pythonPath.isEmpty() ? "" : ":" + pythonPath));
        env.put(MOUNT_ROOT_ENV, mountRoot.toString());
        return new TaskLaunch(task, input, List.copyOf(argv), Map.copyOf(env), workDir,
                new TaskLogs(logDir.resolve("stdout.log"), logDir.resolve("stderr.log")));
    }

    Process start() throws IOException {
        List<String> command = new ArrayList<>(argv);
        command.set(0, resolveProgram(command.get(0), environment.get("PATH")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(logs.stdout().toFile()).redirectError(logs.stderr().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }
}

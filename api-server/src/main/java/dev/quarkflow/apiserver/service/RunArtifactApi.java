package dev.quarkflow.apiserver.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.local.LocalRunBackend;
import dev.quarkflow.apiserver.store.RunEntity;
import dev.quarkflow.apiserver.store.TaskArtifact;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.PipelineTaskDetail;
import dev.quarkflow.proto.kfp.v2beta1.RunDetails;

/**
 * ReadArtifact: finds the file or folder of an output artifact of a run's task. The node is a {@code task_id} of
 * {@code run_details.task_details} (or the engine's task path), the artifact an output name of that task; upstream
 * looks the pair up among the Argo workflow's node outputs, Quarkflow among the artifacts the run backend reported.
 */
@ApplicationScoped
public class RunArtifactApi {

    /** An artifact's place on this machine. */
    public record ArtifactFile(String uri, Path path, boolean directory) {
    }

    private final RunApi runs;
    private final LocalRunBackend local;
    private final ApiServerConfig config;

    RunArtifactApi(RunApi runs, LocalRunBackend local, ApiServerConfig config) {
        this.runs = runs;
        this.local = local;
        this.config = config;
    }

    @Transactional
    public ArtifactFile locate(String runId, String nodeId, String artifactName) {
        require("run_id", runId);
        require("node_id", nodeId);
        require("artifact_name", artifactName);
        RunEntity run = runs.run(runId);
        String taskId = taskId(run, nodeId).orElseThrow(() -> QuarkflowException.notFound("node_id",
                "Run " + runId + " has no task (node) " + nodeId));
        List<String> names = new ArrayList<>();
        Optional<TaskArtifact> artifact = Optional.empty();
        for (TaskArtifact candidate : run.artifacts) {
            if (candidate.taskId.equals(taskId)) {
                if (!names.contains(candidate.name)) {
                    names.add(candidate.name);
                }
                // as upstream, the first artifact of that name (a collected output lists several)
                if (artifact.isEmpty() && candidate.name.equals(artifactName)) {
                    artifact = Optional.of(candidate);
                }
            }
        }
        TaskArtifact found = artifact.orElseThrow(() -> QuarkflowException.notFound("artifact_name",
                "Task " + nodeId + " of run " + runId + " has no output artifact \"" + artifactName + "\" ("
                        + (names.isEmpty() ? "it has none, or not yet" : "it has " + String.join(", ", names)) + ")"));
        return file(run, found);
    }

    private ArtifactFile file(RunEntity run, TaskArtifact artifact) {
        Path path = local.localPath(artifact.uri).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw QuarkflowException.notFound("artifact_name", "The content of artifact \"" + artifact.name
                    + "\" (" + artifact.uri + ") no longer exists");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw QuarkflowException.notFound("artifact_name", "The content of artifact \"" + artifact.name
                    + "\" (" + artifact.uri + ") cannot be read: " + e.getMessage());
        }
        if (roots(run).stream().noneMatch(real::startsWith)) {
            // an importer's URI or an executor's rewritten one may point anywhere on this machine
            throw QuarkflowException.failedPrecondition("artifact_name", "Artifact \"" + artifact.name + "\" ("
                    + artifact.uri + ") is outside the run's pipeline root; only artifacts under a pipeline root"
                    + " are read");
        }
        return new ArtifactFile(artifact.uri, real, Files.isDirectory(real));
    }

    /** The folders artifacts are read from: the default and the run's pipeline root, the engine's mounts. */
    private List<Path> roots(RunEntity run) {
        List<Path> roots = new ArrayList<>();
        roots.add(config.local().pipelineRoot());
        roots.add(local.mountRoot());
        SourceMapper.runtimeConfig(run.source).map(c -> c.getPipelineRoot()).filter(r -> !r.isEmpty())
                .ifPresent(r -> roots.add(local.localPath(r)));
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toAbsolutePath().normalize().toRealPath());
            } catch (IOException e) {
                // a root that does not exist holds nothing
            }
        }
        return real;
    }

    private static Optional<String> taskId(RunEntity run, String nodeId) {
        if (run.runDetails != null) {
            RunDetails details = ProtoJson.parse(run.runDetails, RunDetails.newBuilder()).build();
            Optional<String> byId = details.getTaskDetailsList().stream().map(PipelineTaskDetail::getTaskId)
                    .filter(nodeId::equals).findFirst();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return run.artifacts.stream().filter(a -> nodeId.equals(a.taskPath)).map(a -> a.taskId).findFirst();
    }

    private static void require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw QuarkflowException.invalidArgument(field, "must not be empty");
        }
    }
}

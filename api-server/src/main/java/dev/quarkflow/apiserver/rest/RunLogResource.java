package dev.quarkflow.apiserver.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.quarkflow.apiserver.local.LocalRunBackend;
import dev.quarkflow.apiserver.service.RunApi;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.pipelineengine.api.TaskLogs;

/**
 * A task's log, on upstream's only log path ({@code /apis/v1alpha1/runs/{run_id}/nodes/{node_id}/log}, where
 * upstream answers the pod log as text). {@code node_id} is a {@code task_id} of {@code run_details.task_details}
 * (or the task's path, e.g. {@code for-loop-2/iteration-0/print-op}, URL-encoded). Quarkflow extension: query
 * {@code stream=stdout|stderr} picks one stream; by default stdout followed by stderr.
 */
@Path("/apis/v1alpha1/runs/{run_id}/nodes/{node_id}/log")
@Produces(MediaType.TEXT_PLAIN)
public class RunLogResource {

    private final RunApi runs;
    private final LocalRunBackend local;

    RunLogResource(RunApi runs, LocalRunBackend local) {
        this.runs = runs;
        this.local = local;
    }

    @GET
    public String log(@PathParam("run_id") String runId, @PathParam("node_id") String nodeId,
            @QueryParam("stream") String stream) {
        runs.get(runId);
        TaskLogs logs = local.logs(runId, nodeId).orElseThrow(() -> QuarkflowException.notFound("node_id",
                "No log of task " + nodeId + " in run " + runId + (local.knows(runId) ? ""
                        : ": the run was not executed by this api-server process")));
        if (stream == null || stream.isEmpty()) {
            return logs.readStdout() + logs.readStderr();
        }
        return switch (stream) {
            case "stdout" -> logs.readStdout();
            case "stderr" -> logs.readStderr();
            default -> throw QuarkflowException.invalidArgument("stream", "stream must be stdout or stderr, got "
                    + stream);
        };
    }
}

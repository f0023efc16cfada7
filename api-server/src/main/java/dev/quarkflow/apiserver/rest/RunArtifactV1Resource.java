package dev.quarkflow.apiserver.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import dev.quarkflow.apiserver.service.RunArtifactApi;

/**
 * Upstream's v1beta1 path of ReadArtifact, served by the same handler as v2beta1's (upstream's persistence agent
 * reads metrics through it). The rest of the v1beta1 API is not served.
 */
@Path("/apis/v1beta1/runs")
public class RunArtifactV1Resource {

    private final RunArtifactApi artifacts;

    RunArtifactV1Resource(RunArtifactApi artifacts) {
        this.artifacts = artifacts;
    }

    @GET
    @Path("/{run_id}/nodes/{node_id}/artifacts/{artifact_name}")
    public Response read(@PathParam("run_id") String runId, @PathParam("node_id") String nodeId,
            @PathParam("artifact_name") String nameAndVerb) {
        return ArtifactReads.read(artifacts, runId, nodeId, nameAndVerb);
    }
}

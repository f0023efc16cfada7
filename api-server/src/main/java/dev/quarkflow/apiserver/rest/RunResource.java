package dev.quarkflow.apiserver.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.service.RunApi;
import dev.quarkflow.apiserver.service.RunArtifactApi;
import dev.quarkflow.proto.kfp.v2beta1.Run;

/** RunService over REST. */
@Path("/apis/v2beta1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RunResource {

    private static final String EMPTY = ProtoJson.print(Empty.getDefaultInstance());

    private final RunApi api;
    private final RunArtifactApi artifacts;

    RunResource(RunApi api, RunArtifactApi artifacts) {
        this.api = api;
        this.artifacts = artifacts;
    }

    @POST
    public String create(String body) {
        return ProtoJson.print(api.create(ProtoJson.parse(body, Run.newBuilder()).build()));
    }

    @GET
    @Path("/{run_id}")
    public String get(@PathParam("run_id") String id) {
        return ProtoJson.print(api.get(id));
    }

    @GET
    public String list(@QueryParam("namespace") String namespace, @QueryParam("experiment_id") String experimentId,
            @QueryParam("page_token") String pageToken, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("filter") String filter) {
        return ProtoJson.print(api.list(Query.text(namespace), Query.text(experimentId),
                Query.list(pageToken, pageSize, sortBy, filter)));
    }

    /** ReadArtifact: {@code GET /runs/{run_id}/nodes/{node_id}/artifacts/{artifact_name}:read}. */
    @GET
    @Path("/{run_id}/nodes/{node_id}/artifacts/{artifact_name}")
    public Response readArtifact(@PathParam("run_id") String runId, @PathParam("node_id") String nodeId,
            @PathParam("artifact_name") String nameAndVerb) {
        return ArtifactReads.read(artifacts, runId, nodeId, nameAndVerb);
    }

    /** Custom methods ({@code POST /{id}:verb}); JAX-RS cannot tell {@code {id}:verb} from {@code {id}}. */
    @POST
    @Path("/{run_id}")
    public String customMethod(@PathParam("run_id") String idAndVerb) {
        ActionCall call = ActionCall.parse(idAndVerb);
        switch (call.verb()) {
            case "archive" -> api.archive(call.id());
            case "unarchive" -> api.unarchive(call.id());
            case "terminate" -> api.terminate(call.id());
            case "retry" -> api.retry(call.id());
            default -> throw new NotAllowedException("POST");
        }
        return EMPTY;
    }

    @DELETE
    @Path("/{run_id}")
    public String delete(@PathParam("run_id") String id) {
        api.delete(id);
        return EMPTY;
    }
}

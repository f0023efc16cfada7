package dev.quarkflow.apiserver.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.service.PipelineApi;
import dev.quarkflow.proto.kfp.v2beta1.CreatePipelineAndVersionRequest;
import dev.quarkflow.proto.kfp.v2beta1.Pipeline;
import dev.quarkflow.proto.kfp.v2beta1.PipelineVersion;

/** PipelineService over REST, on the paths of its google.api.http annotations. */
@Path("/apis/v2beta1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PipelineResource {

    private final PipelineApi api;

    PipelineResource(PipelineApi api) {
        this.api = api;
    }

    @POST
    public String create(String body) {
        return ProtoJson.print(api.createPipeline(ProtoJson.parse(body, Pipeline.newBuilder()).build()));
    }

    @POST
    @Path("/create")
    public String createWithVersion(String body) {
        CreatePipelineAndVersionRequest request = ProtoJson.parse(body, CreatePipelineAndVersionRequest.newBuilder())
                .build();
        return ProtoJson.print(api.createPipelineAndVersion(request));
    }

    @GET
    @Path("/{pipeline_id}")
    public String get(@PathParam("pipeline_id") String id) {
        return ProtoJson.print(api.getPipeline(id));
    }

    @GET
    @Path("/names/{name}")
    public String getByName(@PathParam("name") String name, @QueryParam("namespace") String namespace) {
        return ProtoJson.print(api.getPipelineByName(Query.text(namespace), name));
    }

    @GET
    public String list(@QueryParam("namespace") String namespace, @QueryParam("page_token") String pageToken,
            @QueryParam("page_size") String pageSize, @QueryParam("sort_by") String sortBy,
            @QueryParam("filter") String filter) {
        return ProtoJson.print(api.listPipelines(Query.text(namespace), Query.list(pageToken, pageSize, sortBy,
                filter)));
    }

    @PATCH
    @Path("/{pipeline_id}")
    public String update(@PathParam("pipeline_id") String id, String body) {
        Pipeline update = ProtoJson.parse(body, Pipeline.newBuilder()).setPipelineId(id).build();
        return ProtoJson.print(api.updatePipeline(update, Bodies.clearsTags(body)));
    }

    @DELETE
    @Path("/{pipeline_id}")
    public String delete(@PathParam("pipeline_id") String id, @QueryParam("cascade") String cascade) {
        api.deletePipeline(id, Query.bool(cascade, "cascade"));
        return ProtoJson.print(Empty.getDefaultInstance());
    }

    @POST
    @Path("/{pipeline_id}/versions")
    public String createVersion(@PathParam("pipeline_id") String pipelineId, String body) {
        PipelineVersion request = ProtoJson.parse(body, PipelineVersion.newBuilder()).build();
        return ProtoJson.print(api.createPipelineVersion(pipelineId, request));
    }

    @GET
    @Path("/{pipeline_id}/versions/{pipeline_version_id}")
    public String getVersion(@PathParam("pipeline_version_id") String versionId) {
        return ProtoJson.print(api.getPipelineVersion(versionId));
    }

    @GET
    @Path("/{pipeline_id}/versions")
    public String listVersions(@PathParam("pipeline_id") String pipelineId,
            @QueryParam("page_token") String pageToken, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("filter") String filter) {
        return ProtoJson.print(api.listPipelineVersions(pipelineId, Query.list(pageToken, pageSize, sortBy,
                filter)));
    }

    @PATCH
    @Path("/{pipeline_id}/versions/{pipeline_version_id}")
    public String updateVersion(@PathParam("pipeline_id") String pipelineId,
            @PathParam("pipeline_version_id") String versionId, String body) {
        PipelineVersion update = ProtoJson.parse(body, PipelineVersion.newBuilder()).setPipelineId(pipelineId)
                .setPipelineVersionId(versionId).build();
        return ProtoJson.print(api.updatePipelineVersion(update, Bodies.clearsTags(body)));
    }

    @DELETE
    @Path("/{pipeline_id}/versions/{pipeline_version_id}")
    public String deleteVersion(@PathParam("pipeline_version_id") String versionId) {
        api.deletePipelineVersion(versionId);
        return ProtoJson.print(Empty.getDefaultInstance());
    }
}

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

import com.google.protobuf.Empty;

import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.service.ExperimentApi;
import dev.quarkflow.proto.kfp.v2beta1.Experiment;

/** ExperimentService over REST. */
@Path("/apis/v2beta1/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ExperimentResource {

    private static final String EMPTY = ProtoJson.print(Empty.getDefaultInstance());

    private final ExperimentApi api;

    ExperimentResource(ExperimentApi api) {
        this.api = api;
    }

    @POST
    public String create(String body) {
        return ProtoJson.print(api.create(ProtoJson.parse(body, Experiment.newBuilder()).build()));
    }

    @GET
    @Path("/{experiment_id}")
    public String get(@PathParam("experiment_id") String id) {
        return ProtoJson.print(api.get(id));
    }

    @GET
    public String list(@QueryParam("page_token") String pageToken, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("filter") String filter,
            @QueryParam("namespace") String namespace) {
        return ProtoJson.print(api.list(Query.text(namespace), Query.list(pageToken, pageSize, sortBy, filter)));
    }

    /** Custom methods ({@code POST /{id}:verb}); JAX-RS cannot tell {@code {id}:verb} from {@code {id}}. */
    @POST
    @Path("/{experiment_id}")
    public String customMethod(@PathParam("experiment_id") String idAndVerb) {
        ActionCall call = ActionCall.parse(idAndVerb);
        switch (call.verb()) {
            case "archive" -> api.archive(call.id());
            case "unarchive" -> api.unarchive(call.id());
            default -> throw new NotAllowedException("POST");
        }
        return EMPTY;
    }

    @DELETE
    @Path("/{experiment_id}")
    public String delete(@PathParam("experiment_id") String id) {
        api.delete(id);
        return EMPTY;
    }
}

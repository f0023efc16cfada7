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
import dev.quarkflow.apiserver.service.RecurringRunApi;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRun;

/** RecurringRunService over REST. */
@Path("/apis/v2beta1/recurringruns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RecurringRunResource {

    private static final String EMPTY = ProtoJson.print(Empty.getDefaultInstance());

    private final RecurringRunApi api;

    RecurringRunResource(RecurringRunApi api) {
        this.api = api;
    }

    @POST
    public String create(String body) {
        return ProtoJson.print(api.create(ProtoJson.parse(body, RecurringRun.newBuilder()).build()));
    }

    @GET
    @Path("/{recurring_run_id}")
    public String get(@PathParam("recurring_run_id") String id) {
        return ProtoJson.print(api.get(id));
    }

    @GET
    public String list(@QueryParam("namespace") String namespace, @QueryParam("experiment_id") String experimentId,
            @QueryParam("page_token") String pageToken, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("filter") String filter) {
        return ProtoJson.print(api.list(Query.text(namespace), Query.text(experimentId),
                Query.list(pageToken, pageSize, sortBy, filter)));
    }

    /** {@code POST /{id}:enable} and {@code :disable}. */
    @POST
    @Path("/{recurring_run_id}")
    public String customMethod(@PathParam("recurring_run_id") String idAndVerb) {
        ActionCall call = ActionCall.parse(idAndVerb);
        switch (call.verb()) {
            case "enable" -> api.enable(call.id());
            case "disable" -> api.disable(call.id());
            default -> throw new NotAllowedException("POST");
        }
        return EMPTY;
    }

    /** {@code propagation_policy} concerns upstream's ScheduledWorkflow CR; runs already created are kept. */
    @DELETE
    @Path("/{recurring_run_id}")
    public String delete(@PathParam("recurring_run_id") String id,
            @QueryParam("propagation_policy") String propagationPolicy) {
        api.delete(id);
        return EMPTY;
    }
}

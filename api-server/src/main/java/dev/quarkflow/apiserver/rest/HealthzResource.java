package dev.quarkflow.apiserver.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.json.ProtoJson;

/** Upstream's hand-written healthz: {@code kfp.Client()} reads {@code multi_user} from it. */
@Path("/apis/v2beta1/healthz")
public class HealthzResource {

    private final ApiServerConfig config;

    HealthzResource(ApiServerConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String healthz() {
        return ProtoJson.print(Struct.newBuilder()
                .putFields("commit_sha", Value.newBuilder().setStringValue(config.commitSha()).build())
                .putFields("tag_name", Value.newBuilder().setStringValue(config.tagName()).build())
                .putFields("multi_user", Value.newBuilder().setBoolValue(config.multiUser()).build())
                .putFields("pipeline_store", Value.newBuilder().setStringValue("database").build())
                .build());
    }
}

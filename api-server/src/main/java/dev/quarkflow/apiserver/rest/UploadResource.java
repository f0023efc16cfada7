package dev.quarkflow.apiserver.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.google.protobuf.Struct;

import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.apiserver.service.PipelineApi;
import dev.quarkflow.apiserver.spec.PipelineFiles;
import dev.quarkflow.common.error.QuarkflowException;

/** The hand-written multipart endpoints: form file {@code uploadfile}, everything else in the query. */
@Path("/apis/v2beta1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
public class UploadResource {

    private final PipelineApi api;

    UploadResource(PipelineApi api) {
        this.api = api;
    }

    @POST
    @Path("/upload")
    public String upload(@RestForm("uploadfile") FileUpload file, @QueryParam("name") String name,
            @QueryParam("display_name") String displayName, @QueryParam("description") String description,
            @QueryParam("namespace") String namespace, @QueryParam("tags") String tags,
            @QueryParam("code_source_url") String codeSourceUrl) {
        return ProtoJson.print(api.upload(request(file, name, displayName, description, namespace, "", tags,
                codeSourceUrl)));
    }

    @POST
    @Path("/upload_version")
    public String uploadVersion(@RestForm("uploadfile") FileUpload file, @QueryParam("name") String name,
            @QueryParam("display_name") String displayName, @QueryParam("pipelineid") String pipelineId,
            @QueryParam("description") String description, @QueryParam("tags") String tags,
            @QueryParam("code_source_url") String codeSourceUrl) {
        return ProtoJson.print(api.uploadVersion(request(file, name, displayName, description, "", pipelineId, tags,
                codeSourceUrl)));
    }

    private static PipelineApi.UploadRequest request(FileUpload file, String name, String displayName,
            String description, String namespace, String pipelineId, String tags, String codeSourceUrl) {
        if (file == null) {
            throw QuarkflowException.invalidArgument("uploadfile", "Failed to read a pipeline spec file: the"
                    + " multipart form has no file field \"uploadfile\"");
        }
        return new PipelineApi.UploadRequest(file.fileName(), read(file), Query.text(name), Query.text(displayName),
                Query.text(description), Query.text(namespace), Query.text(pipelineId), tags(tags),
                Query.text(codeSourceUrl));
    }

    private static byte[] read(FileUpload file) {
        try {
            if (file.size() > PipelineFiles.MAX_BYTES) {
                throw QuarkflowException.invalidArgument("uploadfile", "The input pipeline file is larger than 32"
                        + " MiB; move embedded artifacts out of the pipeline");
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> tags(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Struct struct = ProtoJson.parse(json, Struct.newBuilder()).build();
        Map<String, String> tags = new java.util.HashMap<>();
        struct.getFieldsMap().forEach((key, value) -> {
            if (!value.hasStringValue()) {
                throw QuarkflowException.invalidArgument("tags." + key, "tag values must be strings");
            }
            tags.put(key, value.getStringValue());
        });
        return tags;
    }
}

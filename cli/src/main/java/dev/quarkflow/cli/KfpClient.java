package dev.quarkflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few calls of the KFP v2beta1 REST API the CLI makes, as kfp.Client makes them. */
final class KfpClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;

    KfpClient(String base) {
        this.base = base;
    }

    /** Uploads a compiled pipeline under a new pipeline, or as a new version when the name is taken. */
    JsonNode upload(Path file, String name) {
        HttpResponse<String> created = multipart("/apis/v2beta1/pipelines/upload?name=" + encode(name), file);
        if (created.statusCode() == 200) {
            JsonNode pipeline = json(created);
            return latestVersion(pipeline.path("pipeline_id").asText());
        }
        if (created.statusCode() != 409) {
            throw failure("upload of " + file, created);
        }
        String pipelineId = json(send(get("/apis/v2beta1/pipelines/names/" + encode(name)), "look-up of " + name))
                .path("pipeline_id").asText();
        String versionName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> version = multipart("/apis/v2beta1/pipelines/upload_version?pipelineid="
                + encode(pipelineId) + "&name=" + encode(versionName), file);
        if (version.statusCode() != 200) {
            throw failure("upload of a new version of " + name, version);
        }
        return json(version);
    }

    private JsonNode latestVersion(String pipelineId) {
        JsonNode versions = json(send(get("/apis/v2beta1/pipelines/" + pipelineId
                + "/versions?page_size=1&sort_by=" + encode("created_at desc")), "list of versions"));
        return versions.path("pipeline_versions").path(0);
    }

    JsonNode createRun(String displayName, JsonNode version, ObjectNode parameters) {
        ObjectNode body = JSON.createObjectNode();
        body.put("display_name", displayName);
        body.putObject("pipeline_version_reference")
                .put("pipeline_id", version.path("pipeline_id").asText())
                .put("pipeline_version_id", version.path("pipeline_version_id").asText());
        body.putObject("runtime_config").set("parameters", parameters);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/apis/v2beta1/runs")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return json(send(request, "run creation"));
    }

    JsonNode getRun(String runId) {
        return json(send(get("/apis/v2beta1/runs/" + encode(runId)), "run " + runId));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
    }

    private HttpResponse<String> multipart(String path, Path file) {
        String boundary = "quarkflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(file));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return exchange(request);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw failure(what, response);
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("api-server at " + base + " is not answering: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
    }

    private static CliFailure failure(String what, HttpResponse<String> response) {
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            message = error.has("message") ? error.path("message").asText()
                    : error.path("error_message").asText(response.body());
        } catch (IOException e) {
            // not JSON: show the body as it is
        }
        return new CliFailure(what + " failed (HTTP " + response.statusCode() + "): " + message);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CliFailure("api-server answered something that is not JSON: " + e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

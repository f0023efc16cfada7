package dev.quarkflow.apiserver.spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.common.error.QuarkflowException;

/**
 * Downloads a pipeline spec from {@code package_url.pipeline_url} with upstream's guards: https only (http when
 * allowed), no loopback/private/link-local hosts (unless allowed), at most 32 MiB, a deadline.
 */
@ApplicationScoped
public class PipelineUrlFetcher {

    private static final String FIELD = "pipeline_version.package_url.pipeline_url";

    private final ApiServerConfig.PipelineUrl config;
    private final HttpClient client;

    PipelineUrlFetcher(ApiServerConfig config) {
        this.config = config.pipelineUrl();
        this.client = HttpClient.newBuilder().connectTimeout(config.pipelineUrl().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String fetch(String url) {
        if (url == null || url.isBlank()) {
            throw QuarkflowException.invalidArgument(FIELD, "a pipeline URL is required");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw QuarkflowException.invalidArgument(FIELD, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
            throw QuarkflowException.invalidArgument(FIELD, "only https URLs are allowed");
        }
        if (uri.getHost() == null) {
            throw QuarkflowException.invalidArgument(FIELD, "the URL has no host");
        }
        checkHost(uri.getHost());
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(config.timeout())
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(PipelineFiles.MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw QuarkflowException.invalidArgument(FIELD, "download answered HTTP " + response.statusCode());
                }
                if (bytes.length > PipelineFiles.MAX_BYTES) {
                    throw QuarkflowException.invalidArgument(FIELD, "the pipeline file is larger than 32 MiB");
                }
                String path = uri.getPath() == null ? "" : uri.getPath();
                String name = path.substring(path.lastIndexOf('/') + 1);
                boolean archive = name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
                return PipelineFiles.read(archive ? name : "pipeline.yaml", bytes);
            }
        } catch (IOException e) {
            throw QuarkflowException.invalidArgument(FIELD, "cannot download the pipeline: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuarkflowException.unavailable("interrupted while downloading the pipeline");
        }
    }

    private void checkHost(String host) {
        if (config.allowPrivateAddresses()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    throw QuarkflowException.invalidArgument(FIELD,
                            "the URL's host resolves to a private address, which is not allowed");
                }
            }
        } catch (UnknownHostException e) {
            throw QuarkflowException.invalidArgument(FIELD, "unknown host " + host);
        }
    }

}

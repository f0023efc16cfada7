package dev.quarkflow.pipelineengine.local;

import java.nio.file.Path;

/**
 * Maps artifact URIs to local paths the way upstream's launcher mounts object stores ({@code gs://b/x} →
 * {@code <mount root>/gcs/b/x}, {@code s3://} → {@code s3/}, {@code minio://} → {@code minio/}); plain absolute
 * paths and {@code file://} URIs are themselves.
 */
public record ArtifactPaths(Path mountRoot) {

    public String localPath(String uri) {
        if (uri.startsWith("file://")) {
            return uri.substring("file://".length());
        }
        if (uri.startsWith("/")) {
            return uri;
        }
        for (String[] scheme : new String[][] { { "gs://", "gcs" }, { "s3://", "s3" }, { "minio://", "minio" } }) {
            if (uri.startsWith(scheme[0])) {
                return mountRoot.resolve(scheme[1]).resolve(uri.substring(scheme[0].length())).toString();
            }
        }
        return mountRoot.resolve("other").resolve(uri.replace("://", "/")).toString();
    }
}

package dev.quarkflow.apiserver.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.commons.io.output.ThresholdingOutputStream;

/**
 * The bytes ReadArtifact returns: a file as it is, a folder as a gzip'd tar whose entries sit under the folder's
 * name (Argo's default artifact archive, the only form in which upstream ever returned a folder).
 */
public final class ArtifactContent {

    /** The content is larger than the caller can take. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private ArtifactContent() {
    }

    /** Writes the content; {@code out} stays open. */
    public static void write(RunArtifactApi.ArtifactFile artifact, OutputStream out) throws IOException {
        if (!artifact.directory()) {
            Files.copy(artifact.path(), out);
            return;
        }
        Path base = artifact.path();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(base)) {
            paths = walk.sorted().toList();
        }
        String top = base.getFileName().toString();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(CloseShieldOutputStream.wrap(out)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : paths) {
                // links are left out: they could point anywhere on this machine
                if (Files.isSymbolicLink(path) || !(Files.isRegularFile(path) || Files.isDirectory(path))) {
                    continue;
                }
                String relative = base.relativize(path).toString();
                tar.putArchiveEntry(new TarArchiveEntry(path, relative.isEmpty() ? top : top + "/" + relative));
                if (Files.isRegularFile(path)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** The whole content, refused when it would exceed {@code maxBytes}. */
    public static byte[] read(RunArtifactApi.ArtifactFile artifact, long maxBytes) throws IOException {
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        if (!artifact.directory() && Files.size(artifact.path()) > limit) {
            throw tooLarge(artifact, Files.size(artifact.path()) + " bytes", limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream bounded = new ThresholdingOutputStream(limit, stream -> {
            throw tooLarge(artifact, "more than " + limit + " bytes as tar.gz", limit);
        }, stream -> bytes);
        write(artifact, bounded);
        return bytes.toByteArray();
    }

    private static TooLargeException tooLarge(RunArtifactApi.ArtifactFile artifact, String size, long maxBytes) {
        return new TooLargeException("artifact_name: artifact " + artifact.uri() + " is " + size + ", more than the "
                + maxBytes + " bytes a gRPC ReadArtifact returns (quarkflow.api-server.artifacts.grpc-max-size);"
                + " read it over REST, which streams it");
    }
}

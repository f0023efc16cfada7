package dev.quarkflow.apiserver.spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import dev.quarkflow.common.error.QuarkflowException;

/**
 * Upstream's ReadPipelineFile: the file name decides first ({@code .yaml/.yml/.json} as is), else the magic bytes
 * ({@code PK} zip, {@code 1F 8B} tar.gz); in an archive the entry {@code pipeline.yaml} wins, else the first entry,
 * which must be YAML. At most 32 MiB.
 */
public final class PipelineFiles {

    public static final int MAX_BYTES = 32 << 20;
    static final String ARCHIVE_ENTRY = "pipeline.yaml";

    private PipelineFiles() {
    }

    public static String read(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw tooLarge();
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            return new String(content, StandardCharsets.UTF_8);
        }
        try {
            if (content.length >= 2 && content[0] == 'P' && content[1] == 'K') {
                return fromZip(content);
            }
            if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
                return fromTarGz(content);
            }
        } catch (IOException e) {
            throw QuarkflowException.invalidArgument("uploadfile", "cannot read the archive: " + e.getMessage());
        }
        throw QuarkflowException.invalidArgument("uploadfile",
                "Unexpected pipeline file format. Support .zip, .tar.gz, .json or YAML");
    }

    /** The next regular file's name in an archive, positioned to read its bytes; null at the end. */
    private interface Entries {
        String nextFile() throws IOException;
    }

    private static String fromZip(byte[] content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            return pick(zip, () -> {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        return entry.getName();
                    }
                }
                return null;
            });
        }
    }

    private static String fromTarGz(byte[] content) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(new ByteArrayInputStream(content)))) {
            return pick(tar, () -> {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.isFile()) {
                        return entry.getName();
                    }
                }
                return null;
            });
        }
    }

    /** The entry named pipeline.yaml, else the first file, which must be YAML. */
    private static String pick(InputStream archive, Entries entries) throws IOException {
        Optional<byte[]> first = Optional.empty();
        String firstName = null;
        for (String name = entries.nextFile(); name != null; name = entries.nextFile()) {
            byte[] bytes = readBounded(archive);
            if (name.equals(ARCHIVE_ENTRY)) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (first.isEmpty()) {
                first = Optional.of(bytes);
                firstName = name;
            }
        }
        return archiveEntry(first, firstName);
    }

    private static String archiveEntry(Optional<byte[]> first, String name) {
        if (first.isEmpty()) {
            throw QuarkflowException.invalidArgument("uploadfile", "the archive holds no file");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            throw QuarkflowException.invalidArgument("uploadfile",
                    "the archive's first file \"" + name + "\" is not YAML and there is no " + ARCHIVE_ENTRY);
        }
        return new String(first.get(), StandardCharsets.UTF_8);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    private static QuarkflowException tooLarge() {
        return QuarkflowException.invalidArgument("uploadfile", "The input pipeline file is larger than "
                + (MAX_BYTES >> 20) + " MiB; move embedded artifacts out of the pipeline");
    }
}

package dev.quarkflow.apiserver.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.io.output.CloseShieldOutputStream;
import org.jboss.logging.Logger;

import dev.quarkflow.apiserver.service.ArtifactContent;
import dev.quarkflow.apiserver.service.RunArtifactApi;

/**
 * ReadArtifact over REST as upstream's hand-written handler answers it: {@code {"data":"<base64>"}}, streamed (any
 * size, never whole in memory), {@code Cache-Control: no-cache, private}; errors as {@code {error_message,
 * error_details}} (see {@link ApiErrors}).
 */
final class ArtifactReads {

    private static final Logger LOG = Logger.getLogger(ArtifactReads.class);
    static final String VERB = "read";

    private ArtifactReads() {
    }

    /** @param nameAndVerb the last path segment, {@code <artifact_name>:read} */
    static Response read(RunArtifactApi api, String runId, String nodeId, String nameAndVerb) {
        ActionCall call = ActionCall.parse(nameAndVerb);
        if (!VERB.equals(call.verb())) {
            throw new NotFoundException();
        }
        RunArtifactApi.ArtifactFile artifact = api.locate(runId, nodeId, call.id());
        StreamingOutput body = out -> {
            out.write("{\"data\":\"".getBytes(StandardCharsets.US_ASCII));
            try (OutputStream base64 = Base64.getEncoder().wrap(CloseShieldOutputStream.wrap(out))) {
                ArtifactContent.write(artifact, base64);
            } catch (IOException e) {
                // the status is sent already: the client sees a cut-off body
                LOG.warnf("artifact read broke off run_id=%s node_id=%s uri=%s: %s", runId, nodeId, artifact.uri(),
                        e.getMessage());
                throw e;
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).header("Cache-Control", "no-cache, private").build();
    }

    /** Whether a request path is a ReadArtifact call (its errors take the hand-written handler's shape). */
    static boolean isRead(String path) {
        return path.contains("/artifacts/") && path.endsWith(":" + VERB);
    }
}

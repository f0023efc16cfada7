package dev.quarkflow.apiserver.rest;

import java.util.List;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.apiserver.json.ProtoJson;
import dev.quarkflow.common.error.ErrorCode;
import dev.quarkflow.common.error.QuarkflowException;
import io.grpc.Status;

/**
 * Maps errors once to upstream's REST bodies: the gateway's {@code {error, code, message, details}} with the HTTP
 * status grpc-gateway derives from the gRPC code, and the hand-written endpoints' (upload, ReadArtifact)
 * {@code {error_message, error_details}}.
 */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);
    static final String UPLOAD_PATH = "apis/v2beta1/pipelines/upload";

    @ServerExceptionMapper
    public Response quarkflow(QuarkflowException e, UriInfo uri) {
        return respond(e.code().httpStatus(), e.code().grpcCode(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(404, Status.Code.NOT_FOUND, "Not Found", uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(405, Status.Code.UNIMPLEMENTED, "Method Not Allowed", uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "request failed path=%s", uri.getPath());
        return respond(ErrorCode.INTERNAL.httpStatus(), Status.Code.INTERNAL, "Internal error", uri);
    }

    static Response respond(int httpStatus, Status.Code code, String message, UriInfo uri) {
        Struct body = uri.getPath().contains(UPLOAD_PATH) || ArtifactReads.isRead(uri.getPath()) ? handlerBody(message)
                : gatewayBody(code, message);
        return Response.status(httpStatus).type(MediaType.APPLICATION_JSON).entity(ProtoJson.print(body)).build();
    }

    static Struct gatewayBody(Status.Code code, String message) {
        Struct detail = Struct.newBuilder()
                .putFields("@type", text("type.googleapis.com/google.rpc.Status"))
                .putFields("code", number(code.value()))
                .putFields("message", text(message))
                .build();
        return Struct.newBuilder()
                .putFields("error", text(message))
                .putFields("code", number(code.value()))
                .putFields("message", text(message))
                .putFields("details", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addAllValues(List.of(Value.newBuilder().setStructValue(detail).build()))).build())
                .build();
    }

    private static Struct handlerBody(String message) {
        return Struct.newBuilder()
                .putFields("error_message", text(message))
                .putFields("error_details", text(message))
                .build();
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static Value number(int value) {
        return Value.newBuilder().setNumberValue(value).build();
    }
}

package dev.quarkflow.metadata.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.quarkflow.common.error.QuarkflowException;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;

/**
 * The one place errors become gRPC statuses: typed errors keep their code and "field: problem" message, statuses
 * pass through, anything else is INTERNAL with a generic message and is logged once with its stack trace.
 */
@ApplicationScoped
public class StatusMapping implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(StatusMapping.class);

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new ExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> serverCall, Metadata trailers) {
                serverCall.close(toStatus(failure), trailers);
            }
        };
    }

    @Override
    public Throwable transform(Throwable failure) {
        return new StatusException(toStatus(failure));
    }

    /** The status form of any failure; services apply it themselves too (see MetadataStoreGrpcService#call). */
    static StatusRuntimeException toStatusException(Throwable failure) {
        return toStatus(failure).asRuntimeException();
    }

    static Status toStatus(Throwable failure) {
        if (failure instanceof QuarkflowException typed) {
            return Status.fromCode(typed.code().grpcCode()).withDescription(typed.getMessage());
        }
        if (failure instanceof StatusRuntimeException status) {
            return status.getStatus();
        }
        if (failure instanceof StatusException status) {
            return status.getStatus();
        }
        LOG.errorf(failure, "RPC failed unexpectedly");
        return Status.INTERNAL.withDescription("internal error; see the server log");
    }
}

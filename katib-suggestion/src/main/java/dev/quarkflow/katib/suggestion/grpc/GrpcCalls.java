package dev.quarkflow.katib.suggestion.grpc;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.quarkflow.common.error.QuarkflowException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;

/**
 * Runs a blocking call and maps its failure once: a {@link QuarkflowException} becomes its status ("<field>:
 * <problem>"), anything else INTERNAL with a generic message, logged once with its stack trace.
 */
final class GrpcCalls {

    private static final Logger LOG = Logger.getLogger(GrpcCalls.class);

    private GrpcCalls() {
    }

    static <T> Uni<T> call(String method, Supplier<T> body) {
        return Uni.createFrom().item(body).onFailure().transform(e -> toStatus(method, e));
    }

    static StatusRuntimeException toStatus(String method, Throwable e) {
        if (e instanceof QuarkflowException qe) {
            LOG.debugf("%s rejected: %s", method, qe.getMessage());
            return qe.toStatusException();
        }
        if (e instanceof StatusRuntimeException sre) {
            return sre;
        }
        LOG.errorf(e, "%s failed", method);
        return Status.INTERNAL.withDescription(method + " failed; see the service log").asRuntimeException();
    }
}

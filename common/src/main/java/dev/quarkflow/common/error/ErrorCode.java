package dev.quarkflow.common.error;

import io.grpc.Status;

/**
 * The error kinds Quarkflow reports, each with the gRPC code and the HTTP status grpc-gateway maps it to
 * (upstream's REST APIs sit behind grpc-gateway, so their HTTP codes follow that table).
 */
public enum ErrorCode {
    INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT, 400),
    NOT_FOUND(Status.Code.NOT_FOUND, 404),
    ALREADY_EXISTS(Status.Code.ALREADY_EXISTS, 409),
    // grpc-gateway maps FAILED_PRECONDITION to 400, not 412.
    FAILED_PRECONDITION(Status.Code.FAILED_PRECONDITION, 400),
    ABORTED(Status.Code.ABORTED, 409),
    UNAVAILABLE(Status.Code.UNAVAILABLE, 503),
    INTERNAL(Status.Code.INTERNAL, 500);

    private final Status.Code grpcCode;
    private final int httpStatus;

    ErrorCode(Status.Code grpcCode, int httpStatus) {
        this.grpcCode = grpcCode;
        this.httpStatus = httpStatus;
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

package dev.quarkflow.common.error;

import java.util.Optional;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A request Quarkflow refuses, with the field that caused it. Thrown anywhere below the edge; the edge maps
 * it once to a gRPC status or an HTTP body whose message reads {@code "<field>: <problem>"}.
 *
 * <pre>{@code
 * throw QuarkflowException.invalidArgument("artifacts[2].type_id", "no ArtifactType with id 42");
 * }</pre>
 */
public final class QuarkflowException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final String problem;

    private QuarkflowException(ErrorCode code, String field, String problem) {
        super(field == null ? problem : field + ": " + problem);
        this.code = code;
        this.field = field;
        this.problem = problem;
    }

    public static QuarkflowException of(ErrorCode code, String field, String problem) {
        return new QuarkflowException(code, field, problem);
    }

    public static QuarkflowException invalidArgument(String field, String problem) {
        return of(ErrorCode.INVALID_ARGUMENT, field, problem);
    }

    public static QuarkflowException notFound(String field, String problem) {
        return of(ErrorCode.NOT_FOUND, field, problem);
    }

    public static QuarkflowException alreadyExists(String field, String problem) {
        return of(ErrorCode.ALREADY_EXISTS, field, problem);
    }

    public static QuarkflowException failedPrecondition(String field, String problem) {
        return of(ErrorCode.FAILED_PRECONDITION, field, problem);
    }

    public static QuarkflowException aborted(String field, String problem) {
        return of(ErrorCode.ABORTED, field, problem);
    }

    public static QuarkflowException unavailable(String problem) {
        return of(ErrorCode.UNAVAILABLE, null, problem);
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String problem() {
        return problem;
    }

    /** The gRPC form: the code, and the message as its description. */
    public StatusRuntimeException toStatusException() {
        return Status.fromCode(code.grpcCode()).withDescription(getMessage()).asRuntimeException();
    }
}

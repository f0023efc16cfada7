package dev.quarkflow.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class QuarkflowExceptionTest {

    @Test
    void toStatusException_carriesCodeAndFieldNamedDescription() {
        QuarkflowException error = QuarkflowException.invalidArgument("artifacts[2].type_id", "no ArtifactType with id 42");

        StatusRuntimeException status = error.toStatusException();

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getStatus().getDescription()).isEqualTo("artifacts[2].type_id: no ArtifactType with id 42");
    }

    @Test
    void message_isTheProblemAlone_whenNoFieldIsInvolved() {
        QuarkflowException error = QuarkflowException.unavailable("metadata-grpc at 127.0.0.1:8080 is not answering");

        assertThat(error.getMessage()).isEqualTo("metadata-grpc at 127.0.0.1:8080 is not answering");
        assertThat(error.field()).isEmpty();
        assertThat(error.code().grpcCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void httpStatuses_followGrpcGatewayMapping() {
        assertThat(ErrorCode.INVALID_ARGUMENT.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.FAILED_PRECONDITION.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.ALREADY_EXISTS.httpStatus()).isEqualTo(409);
        assertThat(ErrorCode.UNAVAILABLE.httpStatus()).isEqualTo(503);
        assertThat(ErrorCode.INTERNAL.httpStatus()).isEqualTo(500);
    }
}

package dev.quarkflow.apiserver.grpc;

import java.util.function.Supplier;

import com.google.protobuf.Empty;

import dev.quarkflow.common.error.QuarkflowException;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * Runs one unary call: the answer, or the typed error as its gRPC status (description "field: problem"), or a
 * status the call chose itself.
 */
final class GrpcCalls {

    private GrpcCalls() {
    }

    static <T> void unary(StreamObserver<T> observer, Supplier<T> call) {
        T response;
        try {
            response = call.get();
        } catch (QuarkflowException e) {
            observer.onError(e.toStatusException());
            return;
        } catch (StatusRuntimeException e) {
            // an edge-only status (e.g. RESOURCE_EXHAUSTED for a message that would be too large)
            observer.onError(e);
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    static void empty(StreamObserver<Empty> observer, Runnable call) {
        unary(observer, () -> {
            call.run();
            return Empty.getDefaultInstance();
        });
    }
}

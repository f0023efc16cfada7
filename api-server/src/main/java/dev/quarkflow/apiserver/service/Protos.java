package dev.quarkflow.apiserver.service;

import com.google.protobuf.Timestamp;
import com.google.rpc.Status;

/** Small conversions between stored values and API messages. */
final class Protos {

    private Protos() {
    }

    static Timestamp seconds(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static Status status(int code, String message) {
        return Status.newBuilder().setCode(code).setMessage(message == null ? "" : message).build();
    }
}

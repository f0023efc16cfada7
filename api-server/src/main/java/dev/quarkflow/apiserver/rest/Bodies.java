package dev.quarkflow.apiserver.rest;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.apiserver.json.ProtoJson;

/** Request-body helpers. */
final class Bodies {

    private Bodies() {
    }

    /** Upstream's x-clear-tags: a PATCH body with {@code "tags": {}} clears every tag. */
    static boolean clearsTags(String body) {
        Struct struct = ProtoJson.parse(body, Struct.newBuilder()).build();
        Value tags = struct.getFieldsOrDefault("tags", null);
        return tags != null && tags.hasStructValue() && tags.getStructValue().getFieldsCount() == 0;
    }
}

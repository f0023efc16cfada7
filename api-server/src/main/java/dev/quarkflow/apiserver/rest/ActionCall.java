package dev.quarkflow.apiserver.rest;

import jakarta.ws.rs.NotFoundException;

/** A gRPC-transcoding custom method path segment, {@code <id>:<verb>}. */
record ActionCall(String id, String verb) {

    static ActionCall parse(String segment) {
        int colon = segment.lastIndexOf(':');
        if (colon <= 0) {
            throw new NotFoundException();
        }
        return new ActionCall(segment.substring(0, colon), segment.substring(colon + 1));
    }
}

package dev.quarkflow.apiserver.service;

import java.util.Map;

import dev.quarkflow.common.error.QuarkflowException;

/** Upstream's tag rules: at most 20, keys 1–63 characters without '.', values at most 63 characters. */
final class Tags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 63;

    private Tags() {
    }

    static Map<String, String> validate(Map<String, String> tags, String field) {
        if (tags.size() > MAX_TAGS) {
            throw QuarkflowException.invalidArgument(field, "at most " + MAX_TAGS + " tags are allowed");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_LENGTH || key.contains(".")) {
                throw QuarkflowException.invalidArgument(field + "." + key,
                        "tag keys must be 1-" + MAX_LENGTH + " characters without '.'");
            }
            if (value.length() > MAX_LENGTH) {
                throw QuarkflowException.invalidArgument(field + "." + key,
                        "tag values must be at most " + MAX_LENGTH + " characters");
            }
        });
        return tags;
    }
}

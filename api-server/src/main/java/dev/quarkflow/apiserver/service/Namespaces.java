package dev.quarkflow.apiserver.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.common.error.QuarkflowException;

/** Upstream's ReplaceNamespace: in single-user mode every namespace is "", whatever the client sent. */
@ApplicationScoped
public class Namespaces {

    static final int MAX_LENGTH = 63;

    private final ApiServerConfig config;

    Namespaces(ApiServerConfig config) {
        this.config = config;
    }

    public String resolve(String requested, String field) {
        if (!config.multiUser()) {
            return "";
        }
        String namespace = requested == null ? "" : requested;
        if (namespace.length() > MAX_LENGTH) {
            throw QuarkflowException.invalidArgument(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return namespace;
    }

    /** The namespace that scopes a list: none in single-user mode or when the client gave none. */
    public Optional<String> listScope(String requested) {
        if (!config.multiUser() || requested == null || requested.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(requested);
    }

    public boolean multiUser() {
        return config.multiUser();
    }
}

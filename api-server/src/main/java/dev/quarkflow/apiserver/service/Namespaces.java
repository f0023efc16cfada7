package dev.quarkflow.apiserver.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.common.error.QuarkflowException;

/**
 * Upstream's namespace rules. Single-user mode (the default): every namespace is "", whatever the client sent
 * (ReplaceNamespace). Multi-user mode: experiments, runs and recurring runs live in a namespace and are listed by
 * it, an empty namespace is a 400 with upstream's message; pipelines with an empty namespace are shared.
 */
@ApplicationScoped
public class Namespaces {

    static final int MAX_LENGTH = 63;
    static final String EXPERIMENT_EMPTY = "An experiment cannot have an empty namespace in multi-user mode";
    static final String RUN_EMPTY = "A run cannot have an empty namespace in multi-user mode";
    static final String RECURRING_RUN_EMPTY = "Recurring run cannot have an empty namespace in multi-user mode";
    static final String EXPERIMENT_ID_EMPTY = "Experiment id can not be empty in multi-user mode";
    static final String PIPELINE_NAMESPACE_REQUIRED = "Namespace is required for pipeline operations";

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

    /** In multi-user mode, rejects an empty namespace ("" or upstream's "-") with {@code message}. */
    public void require(String namespace, String field, String message) {
        if (config.multiUser() && isEmpty(namespace)) {
            throw QuarkflowException.invalidArgument(field, message);
        }
    }

    /**
     * The namespace a list of experiments, runs or recurring runs is scoped to: none in single-user mode (all
     * rows are in ""), else the requested one, which must not be empty.
     */
    public Optional<String> listScope(String requested, String field, String message) {
        if (!config.multiUser()) {
            return Optional.empty();
        }
        String namespace = resolve(requested, field);
        require(namespace, field, message);
        return Optional.of(namespace);
    }

    /**
     * A pipeline's namespace: "" (shared) unless multi-user mode gives one; upstream's
     * REQUIRE_NAMESPACE_FOR_PIPELINES makes it mandatory in multi-user mode.
     */
    public String forPipeline(String requested, String field) {
        String namespace = resolve(requested, field);
        if (config.multiUser() && config.requireNamespaceForPipelines() && namespace.isEmpty()) {
            throw QuarkflowException.invalidArgument(field, PIPELINE_NAMESPACE_REQUIRED);
        }
        return namespace;
    }

    public boolean multiUser() {
        return config.multiUser();
    }

    static boolean isEmpty(String namespace) {
        return namespace == null || namespace.isEmpty() || "-".equals(namespace);
    }
}

package dev.quarkflow.katib.controller.engine;

import java.util.Optional;

/**
 * Finds a trial template kept in a ConfigMap ({@code spec.trialTemplate.configMap}): in a cluster the ConfigMap's data
 * entry, locally a file. Empty when the ConfigMap or the entry does not exist.
 */
@FunctionalInterface
public interface TemplateSource {

    Optional<String> template(String configMapNamespace, String configMapName, String templatePath);

    /** No ConfigMaps at all: templates must be inline. */
    static TemplateSource none() {
        return (namespace, name, path) -> Optional.empty();
    }
}

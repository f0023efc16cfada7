package dev.quarkflow.apiserver.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.quarkflow.common.testing.SharedFixtures;

/** Corpus pipelines as JSON-able maps, for inline {@code pipeline_spec} bodies. */
final class Specs {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Specs() {
    }

    static Map<String, Object> corpus(String relative) {
        try {
            return YAML.readValue(SharedFixtures.conformance("kfp").resolve(relative).toFile(),
                    new TypeReference<Map<String, Object>>() {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

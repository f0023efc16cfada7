package dev.quarkflow.katib.controller.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.model.Experiment;

/** Reads an Experiment from upstream YAML (or JSON) and writes one back, unknown fields included. */
public final class ExperimentReader {

    private ExperimentReader() {
    }

    public static Experiment read(String yaml) {
        try {
            JsonNode tree = Json.YAML.readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException("not a YAML object");
            }
            if (!Experiment.KIND.equals(tree.path("kind").asText())) {
                throw new IllegalArgumentException("kind is " + tree.path("kind").asText("(missing)")
                        + ", expected " + Experiment.KIND);
            }
            return Json.MAPPER.treeToValue(tree, Experiment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unable to read the Experiment: " + e.getOriginalMessage(), e);
        }
    }

    public static Experiment read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Object object) {
        return Json.MAPPER.valueToTree(object);
    }
}

package dev.quarkflow.katib.controller.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of Kubernetes object metadata the engine reads; the rest is kept as is. */
public class ObjectMeta extends Extensible {
    public String name;
    public String namespace;
    public String uid;
    public String creationTimestamp;
    public Map<String, String> labels;
    public Map<String, String> annotations;
    public List<String> finalizers;

    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    public Map<String, String> annotationsOrEmpty() {
        return annotations == null ? Map.of() : annotations;
    }

    public Map<String, String> mutableLabels() {
        if (labels == null) {
            labels = new LinkedHashMap<>();
        }
        return labels;
    }
}

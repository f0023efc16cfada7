package dev.quarkflow.katib.controller.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Katib API object that keeps every field it does not model, so that reading and writing an upstream object never
 * drops what the user wrote (upstream's CRDs preserve unknown fields).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class Extensible {

    private final Map<String, Object> unknownFields = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> unknownFields() {
        return unknownFields;
    }

    @JsonAnySetter
    public void unknownField(String name, Object value) {
        unknownFields.put(name, value);
    }
}

package dev.quarkflow.metadata.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.mlmd.PropertyType;

/** Upstream's rules for re-putting an existing type: which properties may be added or omitted. */
public final class TypeEvolution {

    private TypeEvolution() {
    }

    /**
     * The properties to add to the stored type, or ALREADY_EXISTS when the request is incompatible with it.
     *
     * <pre>{@code
     * TypeEvolution.addedProperties("t", Map.of("p1", STRING), Map.of("p1", STRING, "p2", INT), true, false) // {p2=INT}
     * }</pre>
     */
    public static Map<String, PropertyType> addedProperties(String field, Map<String, PropertyType> stored,
            Map<String, PropertyType> requested, boolean canAddFields, boolean canOmitFields) {
        Map<String, PropertyType> added = new LinkedHashMap<>();
        for (var entry : requested.entrySet()) {
            PropertyType existing = stored.get(entry.getKey());
            if (existing == null) {
                if (!canAddFields) {
                    throw QuarkflowException.alreadyExists(field + ".properties",
                            "type already exists without property '" + entry.getKey()
                                    + "'; set can_add_fields to add it");
                }
                added.put(entry.getKey(), entry.getValue());
            } else if (existing != entry.getValue()) {
                throw QuarkflowException.alreadyExists(field + ".properties",
                        "property '" + entry.getKey() + "' is stored as " + existing + ", not " + entry.getValue());
            }
        }
        if (!canOmitFields) {
            for (String name : stored.keySet()) {
                if (!requested.containsKey(name)) {
                    throw QuarkflowException.alreadyExists(field + ".properties",
                            "stored type has property '" + name + "' that the request omits; set can_omit_fields");
                }
            }
        }
        return added;
    }
}

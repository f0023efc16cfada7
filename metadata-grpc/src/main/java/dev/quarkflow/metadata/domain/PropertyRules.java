package dev.quarkflow.metadata.domain;

import java.util.Map;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.mlmd.PropertyType;
import dev.quarkflow.proto.mlmd.Value;

/** Checks node property values against the properties their type declares. */
public final class PropertyRules {

    private PropertyRules() {
    }

    public static PropertyType propertyTypeOf(Value value) {
        return switch (value.getValueCase()) {
            case INT_VALUE -> PropertyType.INT;
            case DOUBLE_VALUE -> PropertyType.DOUBLE;
            case STRING_VALUE -> PropertyType.STRING;
            case STRUCT_VALUE -> PropertyType.STRUCT;
            case PROTO_VALUE -> PropertyType.PROTO;
            case BOOL_VALUE -> PropertyType.BOOLEAN;
            case VALUE_NOT_SET -> PropertyType.UNKNOWN;
        };
    }

    /** A declared property's value must have the declared kind. */
    public static void checkDeclared(String field, String name, Value value, Map<String, PropertyType> declared) {
        PropertyType expected = declared.get(name);
        if (expected == null) {
            throw QuarkflowException.invalidArgument(field + ".properties[" + name + "]",
                    "property is not declared by the node's type");
        }
        PropertyType actual = propertyTypeOf(value);
        if (actual != expected) {
            throw QuarkflowException.invalidArgument(field + ".properties[" + name + "]",
                    "unmatched property type: declared " + expected + ", got " + actual);
        }
    }

    /** A custom property may hold any kind, but must hold one. */
    public static void checkCustom(String field, String name, Value value) {
        if (value.getValueCase() == Value.ValueCase.VALUE_NOT_SET) {
            throw QuarkflowException.invalidArgument(field + ".custom_properties[" + name + "]",
                    "value has no int_value, double_value, string_value, struct_value, proto_value or bool_value");
        }
    }
}

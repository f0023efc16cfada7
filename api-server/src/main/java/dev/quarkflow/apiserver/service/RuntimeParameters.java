package dev.quarkflow.apiserver.service;

import java.util.Map;
import java.util.TreeSet;

import com.google.protobuf.Value;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.pipelinespec.ComponentInputsSpec;
import dev.quarkflow.proto.pipelinespec.ParameterType;
import dev.quarkflow.proto.pipelinespec.PipelineSpec;

/**
 * Upstream's validatePipelineJobInputs: every required root input is supplied, supplied values have the declared
 * type and, when declared, one of the literals; parameters the pipeline does not declare are refused. Pure.
 */
public final class RuntimeParameters {

    private RuntimeParameters() {
    }

    public static void validate(PipelineSpec spec, Map<String, Value> supplied, String field) {
        Map<String, ComponentInputsSpec.ParameterSpec> declared = spec.getRoot().getInputDefinitions()
                .getParametersMap();
        TreeSet<String> extra = new TreeSet<>(supplied.keySet());
        extra.removeAll(declared.keySet());
        if (!extra.isEmpty()) {
            throw QuarkflowException.invalidArgument(field, "parameter(s) provided are not required by pipeline: "
                    + String.join(", ", extra));
        }
        declared.forEach((name, parameter) -> {
            Value value = supplied.get(name);
            if (value == null || value.hasNullValue()) {
                if (!parameter.getIsOptional() && !parameter.hasDefaultValue()) {
                    throw QuarkflowException.invalidArgument(field + "." + name, "parameter " + name
                            + " is not optional, yet has neither default value nor user provided value");
                }
                return;
            }
            checkType(name, parameter.getParameterType(), value, field);
            if (parameter.getLiteralsCount() > 0 && !parameter.getLiteralsList().contains(value)) {
                throw QuarkflowException.invalidArgument(field + "." + name, "parameter " + name
                        + " must be one of the declared literals");
            }
        });
    }

    private static void checkType(String name, ParameterType.ParameterTypeEnum type, Value value, String field) {
        boolean matches = switch (type) {
            case NUMBER_DOUBLE, NUMBER_INTEGER -> value.hasNumberValue();
            case STRING -> value.hasStringValue();
            case BOOLEAN -> value.hasBoolValue();
            case LIST -> value.hasListValue();
            case STRUCT -> value.hasStructValue();
            case TASK_FINAL_STATUS, TASK_CONFIG -> false;
            default -> true;
        };
        if (!matches) {
            throw QuarkflowException.invalidArgument(field + "." + name, "parameter " + name + " expects a value of"
                    + " type " + type + ", got " + value.getKindCase());
        }
    }
}

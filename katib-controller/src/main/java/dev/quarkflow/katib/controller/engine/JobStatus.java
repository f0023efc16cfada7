package dev.quarkflow.katib.controller.engine;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A trial workload's state as Katib reads it: Running, Succeeded or Failed, with the workload's reason and message. */
public record JobStatus(Condition condition, String reason, String message) {

    public enum Condition {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public static JobStatus running() {
        return new JobStatus(Condition.RUNNING, null, null);
    }

    /**
     * Evaluates the trial's failure condition, then its success condition, on the workload object (any kind); a match
     * carries the first matched element's {@code reason} and {@code message}. A workload matching neither is Running.
     */
    public static Optional<JobStatus> of(JsonNode workload, String successCondition, String failureCondition) {
        Optional<JobStatus> failed = matched(workload, failureCondition, Condition.FAILED);
        if (failed.isPresent()) {
            return failed;
        }
        Optional<JobStatus> succeeded = matched(workload, successCondition, Condition.SUCCEEDED);
        if (succeeded.isPresent()) {
            return succeeded;
        }
        return workload == null ? Optional.empty() : Optional.of(running());
    }

    private static Optional<JobStatus> matched(JsonNode workload, String expression, Condition condition) {
        if (workload == null || expression == null || expression.isEmpty()) {
            return Optional.empty();
        }
        JsonNode result = Gjson.get(workload, expression);
        if (!(result.isObject() || (result.isArray() && !result.isEmpty()))) {
            return Optional.empty();
        }
        JsonNode first = result.isArray() ? result.get(0) : result;
        return Optional.of(new JobStatus(condition, text(first, "reason"), text(first, "message")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}

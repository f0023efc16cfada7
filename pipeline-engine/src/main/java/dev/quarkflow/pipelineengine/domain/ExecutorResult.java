package dev.quarkflow.pipelineengine.domain;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/** What a backend reports when an executor it launched ends. */
public record ExecutorResult(Outcome outcome, Map<String, Value> outputParameters,
        Map<String, List<RuntimeArtifact>> outputArtifacts, String error) {

    public enum Outcome {
        SUCCEEDED,
        /** A cached execution was reused; the outputs are the cached ones. */
        CACHED,
        FAILED,
        /** Killed because it ran longer than its timeout; retried like a failure. */
        TIMED_OUT,
        /** Stopped on request (run cancellation). */
        CANCELED
    }

    public ExecutorResult {
        outputParameters = Map.copyOf(outputParameters);
        outputArtifacts = Map.copyOf(outputArtifacts);
    }

    public static ExecutorResult succeeded(Map<String, Value> parameters, Map<String, List<RuntimeArtifact>> artifacts) {
        return new ExecutorResult(Outcome.SUCCEEDED, parameters, artifacts, null);
    }

    public static ExecutorResult cached(Map<String, Value> parameters, Map<String, List<RuntimeArtifact>> artifacts) {
        return new ExecutorResult(Outcome.CACHED, parameters, artifacts, null);
    }

    public static ExecutorResult failed(String error) {
        return new ExecutorResult(Outcome.FAILED, Map.of(), Map.of(), error);
    }

    public static ExecutorResult timedOut(String error) {
        return new ExecutorResult(Outcome.TIMED_OUT, Map.of(), Map.of(), error);
    }

    public static ExecutorResult canceled() {
        return new ExecutorResult(Outcome.CANCELED, Map.of(), Map.of(), "canceled");
    }
}

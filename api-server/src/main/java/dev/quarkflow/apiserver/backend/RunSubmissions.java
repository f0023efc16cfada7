package dev.quarkflow.apiserver.backend;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.apiserver.spec.PipelineSpecs;
import dev.quarkflow.apiserver.store.RunEntity;
import dev.quarkflow.proto.pipelinespec.PlatformSpec;

/** A stored run → what its backend receives. */
public final class RunSubmissions {

    private RunSubmissions() {
    }

    public static RunSubmission from(RunEntity run) {
        return new RunSubmission(run.id, run.displayName, run.namespace, run.experimentId,
                PipelineSpecs.parseStored(run.source.pipelineSpec),
                Optional.ofNullable(run.source.platformSpec).map(RunSubmissions::platform),
                parameters(run.source.runtimeParameters), run.source.pipelineRoot == null ? ""
                        : run.source.pipelineRoot,
                run.source.serviceAccount, Instant.ofEpochSecond(run.createdAt), Instant.ofEpochSecond(run.scheduledAt),
                Optional.ofNullable(run.recurringRunId));
    }

    public static Map<String, com.google.protobuf.Value> parameters(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        return PipelineSpecs.struct(json).getFieldsMap();
    }

    public static String parametersJson(Map<String, com.google.protobuf.Value> parameters) {
        if (parameters.isEmpty()) {
            return null;
        }
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace()
                    .print(Struct.newBuilder().putAllFields(parameters).build());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlatformSpec platform(String json) {
        try {
            PlatformSpec.Builder platform = PlatformSpec.newBuilder();
            JsonFormat.parser().merge(json, platform);
            return platform.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored platform spec does not parse", e);
        }
    }
}

package dev.quarkflow.apiserver.service;

import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Value;

import dev.quarkflow.apiserver.backend.RunSubmissions;
import dev.quarkflow.apiserver.spec.PipelineSpecs;
import dev.quarkflow.apiserver.store.PipelineSource;
import dev.quarkflow.proto.kfp.v2beta1.PipelineVersionReference;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeConfig;

/** A stored source → the API's echo: a reference comes back as a reference, an inline spec as the spec. */
final class SourceMapper {

    private SourceMapper() {
    }

    static Optional<PipelineVersionReference> reference(PipelineSource source) {
        if (!PipelineSource.REFERENCE.equals(source.kind)) {
            return Optional.empty();
        }
        return Optional.of(PipelineVersionReference.newBuilder().setPipelineId(Protos.text(source.pipelineId))
                .setPipelineVersionId(Protos.text(source.pipelineVersionId)).build());
    }

    static Optional<com.google.protobuf.Struct> spec(PipelineSource source) {
        if (!PipelineSource.SPEC.equals(source.kind)) {
            return Optional.empty();
        }
        return Optional.of(PipelineSpecs.apiStruct(source.pipelineSpec, Optional.ofNullable(source.platformSpec)));
    }

    /** Omitted (empty) when it has neither parameters nor a pipeline root, as upstream. */
    static Optional<RuntimeConfig> runtimeConfig(PipelineSource source) {
        Map<String, Value> parameters = RunSubmissions.parameters(source.runtimeParameters);
        String root = Protos.text(source.pipelineRoot);
        if (parameters.isEmpty() && root.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RuntimeConfig.newBuilder().putAllParameters(parameters).setPipelineRoot(root).build());
    }
}

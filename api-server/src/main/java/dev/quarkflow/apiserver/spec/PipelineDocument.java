package dev.quarkflow.apiserver.spec;

import java.util.Optional;

import com.google.protobuf.Struct;

import dev.quarkflow.proto.pipelinespec.PipelineSpec;

/**
 * A compiled pipeline as stored: the IR and, when the file had one, its Kubernetes platform document.
 *
 * @param specJson the IR re-serialised by the protobuf JSON printer (lowerCamel keys, upstream's stored form)
 * @param platformSpecJson the platform document in the same form, if any
 */
public record PipelineDocument(PipelineSpec spec, String specJson, Optional<String> platformSpecJson) {

    /** The API's {@code pipeline_spec} value: the IR, or {@code {pipeline_spec, platform_spec}} with a platform. */
    public Struct toApiStruct() {
        return PipelineSpecs.apiStruct(specJson, platformSpecJson);
    }
}

package dev.quarkflow.apiserver.service;

import static dev.quarkflow.apiserver.service.Protos.seconds;
import static dev.quarkflow.apiserver.service.Protos.text;

import java.util.Optional;

import dev.quarkflow.apiserver.spec.PipelineSpecs;
import dev.quarkflow.apiserver.store.PipelineEntity;
import dev.quarkflow.apiserver.store.PipelineVersionEntity;
import dev.quarkflow.proto.kfp.v2beta1.Pipeline;
import dev.quarkflow.proto.kfp.v2beta1.PipelineVersion;
import dev.quarkflow.proto.kfp.v2beta1.Url;

/** Stored pipelines and versions → API messages. */
final class PipelineMapper {

    private PipelineMapper() {
    }

    static Pipeline toApi(PipelineEntity entity) {
        return Pipeline.newBuilder()
                .setPipelineId(entity.id)
                .setName(entity.name)
                .setDisplayName(entity.displayName)
                .setDescription(text(entity.description))
                .setCreatedAt(seconds(entity.createdAt))
                .setNamespace(entity.namespace)
                .putAllTags(entity.tags)
                .build();
    }

    static PipelineVersion toApi(PipelineVersionEntity entity) {
        PipelineVersion.Builder version = PipelineVersion.newBuilder()
                .setPipelineId(entity.pipelineId)
                .setPipelineVersionId(entity.id)
                .setName(entity.name)
                .setDisplayName(entity.displayName)
                .setDescription(text(entity.description))
                .setCreatedAt(seconds(entity.createdAt))
                .setCodeSourceUrl(text(entity.codeSourceUrl))
                .setPipelineSpec(PipelineSpecs.apiStruct(entity.pipelineSpec, Optional.ofNullable(entity.platformSpec)))
                .putAllTags(entity.tags);
        if (entity.pipelineUrl != null && !entity.pipelineUrl.isEmpty()) {
            version.setPackageUrl(Url.newBuilder().setPipelineUrl(entity.pipelineUrl));
        }
        return version.build();
    }
}

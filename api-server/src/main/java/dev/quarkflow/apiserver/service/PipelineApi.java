package dev.quarkflow.apiserver.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.spec.PipelineDocument;
import dev.quarkflow.apiserver.spec.PipelineFiles;
import dev.quarkflow.apiserver.spec.PipelineSpecs;
import dev.quarkflow.apiserver.spec.PipelineUrlFetcher;
import dev.quarkflow.apiserver.store.PipelineEntity;
import dev.quarkflow.apiserver.store.PipelineStore;
import dev.quarkflow.apiserver.store.PipelineVersionEntity;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.CreatePipelineAndVersionRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListPipelineVersionsResponse;
import dev.quarkflow.proto.kfp.v2beta1.ListPipelinesResponse;
import dev.quarkflow.proto.kfp.v2beta1.Pipeline;
import dev.quarkflow.proto.kfp.v2beta1.PipelineVersion;

/**
 * PipelineService semantics shared by REST and gRPC: names, uniqueness, spec validation, cascade rules. Each method
 * is one transaction; a rejected request stores nothing.
 */
@ApplicationScoped
public class PipelineApi {

    static final int MAX_PIPELINE_NAME = 128;
    static final int MAX_VERSION_NAME = 127;

    private final PipelineStore store;
    private final Namespaces namespaces;
    private final PipelineUrlFetcher fetcher;
    private final Clock clock;

    PipelineApi(PipelineStore store, Namespaces namespaces, PipelineUrlFetcher fetcher, Clock clock) {
        this.store = store;
        this.namespaces = namespaces;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** What an upload gives besides the file: the query parameters of /pipelines/upload(_version). */
    public record UploadRequest(String fileName, byte[] content, String name, String displayName, String description,
            String namespace, String pipelineId, Map<String, String> tags, String codeSourceUrl) {
    }

    @Transactional
    public Pipeline createPipeline(Pipeline request) {
        return PipelineMapper.toApi(insertPipeline(request, "pipeline", "pipeline.namespace"));
    }

    @Transactional
    public Pipeline createPipelineAndVersion(CreatePipelineAndVersionRequest request) {
        String specText = fetcher.fetch(request.getPipelineVersion().getPackageUrl().getPipelineUrl());
        PipelineDocument document = PipelineSpecs.read(specText);
        PipelineEntity pipeline = insertPipeline(request.getPipeline(), "pipeline", "pipeline.namespace");
        PipelineVersion version = request.getPipelineVersion();
        if (version.getName().isEmpty() && version.getDisplayName().isEmpty()) {
            version = version.toBuilder().setName(pipeline.name).setDisplayName(pipeline.displayName).build();
        }
        insertVersion(pipeline, version, document, "pipeline_version");
        return PipelineMapper.toApi(pipeline);
    }

    @Transactional
    public Pipeline upload(UploadRequest upload) {
        PipelineDocument document = PipelineSpecs.read(PipelineFiles.read(upload.fileName(), upload.content()));
        String name = firstNonEmpty(upload.name(), upload.displayName(), upload.fileName());
        Pipeline request = Pipeline.newBuilder()
                .setName(name)
                .setDisplayName(firstNonEmpty(upload.displayName(), name))
                .setDescription(upload.description())
                .setNamespace(upload.namespace())
                .putAllTags(upload.tags())
                .build();
        PipelineEntity pipeline = insertPipeline(request, "name", "namespace");
        PipelineVersion version = PipelineVersion.newBuilder()
                .setName(pipeline.name)
                .setDisplayName(pipeline.displayName)
                .setDescription(upload.description())
                .setCodeSourceUrl(upload.codeSourceUrl())
                .build();
        insertVersion(pipeline, version, document, "name");
        return PipelineMapper.toApi(pipeline);
    }

    @Transactional
    public PipelineVersion uploadVersion(UploadRequest upload) {
        if (upload.pipelineId().isEmpty()) {
            throw QuarkflowException.invalidArgument("pipelineid", "a pipeline id is required");
        }
        PipelineDocument document = PipelineSpecs.read(PipelineFiles.read(upload.fileName(), upload.content()));
        PipelineEntity pipeline = store.find(upload.pipelineId()).orElseThrow(
                () -> QuarkflowException.invalidArgument("pipelineid", "Failed to create a pipeline version: pipeline "
                        + upload.pipelineId() + " not found"));
        String name = firstNonEmpty(upload.name(), upload.displayName(), upload.fileName());
        PipelineVersion version = PipelineVersion.newBuilder()
                .setName(name)
                .setDisplayName(firstNonEmpty(upload.displayName(), name))
                .setDescription(upload.description())
                .setCodeSourceUrl(upload.codeSourceUrl())
                .putAllTags(upload.tags())
                .build();
        return PipelineMapper.toApi(insertVersion(pipeline, version, document, "name"));
    }

    @Transactional
    public Pipeline getPipeline(String id) {
        return PipelineMapper.toApi(pipeline(id));
    }

    @Transactional
    public Pipeline getPipelineByName(String namespace, String name) {
        return store.findByName(namespaces.forPipeline(namespace, "namespace"), name).map(PipelineMapper::toApi)
                .orElseThrow(() -> QuarkflowException.notFound("name", "Pipeline " + name + " not found"));
    }

    /** The pipelines of one namespace; "" lists the shared ones (in single-user mode: all). */
    @Transactional
    public ListPipelinesResponse listPipelines(String namespace, ListParams params) {
        Page<PipelineEntity> page = store.list(namespaces.forPipeline(namespace, "namespace"), params);
        return ListPipelinesResponse.newBuilder()
                .addAllPipelines(page.items().stream().map(PipelineMapper::toApi).toList())
                .setTotalSize(page.totalSize())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    /** Updates {@code display_name} and {@code tags}; {@code clearTags} is upstream's x-clear-tags. */
    @Transactional
    public Pipeline updatePipeline(Pipeline update, boolean clearTags) {
        PipelineEntity pipeline = pipeline(update.getPipelineId());
        if (!update.getDisplayName().isEmpty()) {
            pipeline.displayName = update.getDisplayName();
        }
        applyTags(pipeline.tags, update.getTagsMap(), clearTags, "pipeline.tags");
        store.flush();
        return PipelineMapper.toApi(pipeline);
    }

    @Transactional
    public void deletePipeline(String id, boolean cascade) {
        PipelineEntity pipeline = pipeline(id);
        List<PipelineVersionEntity> versions = store.versions(id, cascade ? Integer.MAX_VALUE : 1);
        if (!versions.isEmpty() && !cascade) {
            throw QuarkflowException.invalidArgument("cascade", "Failed to delete pipeline with id " + id
                    + " as it has existing pipeline versions (e.g. " + versions.get(0).id
                    + "). Set cascade=true to delete all versions");
        }
        versions.forEach(store::deleteVersion);
        store.flush();
        store.delete(pipeline);
    }

    @Transactional
    public PipelineVersion createPipelineVersion(String pipelineId, PipelineVersion request) {
        PipelineEntity pipeline = pipeline(pipelineId.isEmpty() ? request.getPipelineId() : pipelineId);
        PipelineDocument document = PipelineSpecs.read(fetcher.fetch(request.getPackageUrl().getPipelineUrl()));
        return PipelineMapper.toApi(insertVersion(pipeline, request, document, "pipeline_version"));
    }

    @Transactional
    public PipelineVersion getPipelineVersion(String versionId) {
        return PipelineMapper.toApi(version(versionId));
    }

    @Transactional
    public ListPipelineVersionsResponse listPipelineVersions(String pipelineId, ListParams params) {
        pipeline(pipelineId);
        Page<PipelineVersionEntity> page = store.listVersions(pipelineId, params);
        return ListPipelineVersionsResponse.newBuilder()
                .addAllPipelineVersions(page.items().stream().map(PipelineMapper::toApi).toList())
                .setTotalSize(page.totalSize())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    @Transactional
    public PipelineVersion updatePipelineVersion(PipelineVersion update, boolean clearTags) {
        PipelineVersionEntity version = version(update.getPipelineVersionId());
        if (!update.getDisplayName().isEmpty()) {
            version.displayName = update.getDisplayName();
        }
        applyTags(version.tags, update.getTagsMap(), clearTags, "pipeline_version.tags");
        store.flush();
        return PipelineMapper.toApi(version);
    }

    @Transactional
    public void deletePipelineVersion(String versionId) {
        store.deleteVersion(version(versionId));
    }

    /** The version a run or recurring run refers to: the given one (checked against the pipeline) or the latest. */
    @Transactional
    public PipelineVersionEntity resolveVersion(String pipelineId, String versionId, String field) {
        if (!versionId.isEmpty()) {
            PipelineVersionEntity version = store.findVersion(versionId).orElseThrow(() -> QuarkflowException
                    .notFound(field + ".pipeline_version_id", "Pipeline version " + versionId + " not found"));
            if (!pipelineId.isEmpty() && !pipelineId.equals(version.pipelineId)) {
                throw QuarkflowException.invalidArgument(field + ".pipeline_id", "pipeline version " + versionId
                        + " does not belong to pipeline " + pipelineId);
            }
            return version;
        }
        if (pipelineId.isEmpty()) {
            throw QuarkflowException.invalidArgument(field, "a pipeline id or a pipeline version id is required");
        }
        pipeline(pipelineId);
        return store.latestVersion(pipelineId).orElseThrow(() -> QuarkflowException
                .invalidArgument(field + ".pipeline_id", "pipeline " + pipelineId + " has no versions"));
    }

    private PipelineEntity insertPipeline(Pipeline request, String field, String namespaceField) {
        String namespace = namespaces.forPipeline(request.getNamespace(), namespaceField);
        String name = firstNonEmpty(request.getName(), request.getDisplayName());
        if (name.isEmpty()) {
            throw QuarkflowException.invalidArgument(field + ".name", "name is required");
        }
        if (name.length() > MAX_PIPELINE_NAME) {
            throw QuarkflowException.invalidArgument(field + ".name",
                    "must be at most " + MAX_PIPELINE_NAME + " characters");
        }
        if (store.findByName(namespace, name).isPresent()) {
            throw QuarkflowException.alreadyExists(field + ".name",
                    "Failed to create a pipeline. The name " + name + " already exists");
        }
        PipelineEntity pipeline = new PipelineEntity();
        pipeline.id = UUID.randomUUID().toString();
        pipeline.name = name;
        pipeline.displayName = firstNonEmpty(request.getDisplayName(), name);
        pipeline.description = request.getDescription();
        pipeline.createdAt = clock.instant().getEpochSecond();
        pipeline.namespace = namespace;
        pipeline.tags.putAll(Tags.validate(request.getTagsMap(), field + ".tags"));
        store.persist(pipeline);
        return pipeline;
    }

    private PipelineVersionEntity insertVersion(PipelineEntity pipeline, PipelineVersion request,
            PipelineDocument document, String field) {
        String name = firstNonEmpty(request.getName(), request.getDisplayName());
        if (name.isEmpty()) {
            throw QuarkflowException.invalidArgument(field + ".name", "name is required");
        }
        if (name.length() > MAX_VERSION_NAME) {
            throw QuarkflowException.invalidArgument(field + ".name",
                    "must be at most " + MAX_VERSION_NAME + " characters");
        }
        if (store.findVersionByName(pipeline.id, name).isPresent()) {
            throw QuarkflowException.alreadyExists(field + ".name",
                    "Failed to create a pipeline version. The name " + name + " already exists");
        }
        PipelineVersionEntity version = new PipelineVersionEntity();
        version.id = UUID.randomUUID().toString();
        version.pipelineId = pipeline.id;
        version.name = name;
        version.displayName = firstNonEmpty(request.getDisplayName(), name);
        version.description = request.getDescription();
        version.createdAt = clock.instant().getEpochSecond();
        version.pipelineUrl = request.getPackageUrl().getPipelineUrl();
        version.codeSourceUrl = request.getCodeSourceUrl();
        version.pipelineSpec = document.specJson();
        version.platformSpec = document.platformSpecJson().orElse(null);
        version.tags.putAll(Tags.validate(request.getTagsMap(), field + ".tags"));
        store.persist(version);
        return version;
    }

    private PipelineEntity pipeline(String id) {
        return store.find(id).orElseThrow(() -> QuarkflowException.notFound("pipeline_id",
                "Pipeline " + id + " not found"));
    }

    private PipelineVersionEntity version(String id) {
        return store.findVersion(id).orElseThrow(() -> QuarkflowException.notFound("pipeline_version_id",
                "Pipeline version " + id + " not found"));
    }

    private static void applyTags(Map<String, String> stored, Map<String, String> update, boolean clear,
            String field) {
        if (clear) {
            stored.clear();
        } else if (!update.isEmpty()) {
            stored.clear();
            stored.putAll(Tags.validate(update, field));
        }
    }

    static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}

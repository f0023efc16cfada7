package dev.quarkflow.apiserver.service;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.apiserver.backend.RunSubmissions;
import dev.quarkflow.apiserver.spec.PipelineDocument;
import dev.quarkflow.apiserver.spec.PipelineSpecs;
import dev.quarkflow.apiserver.store.PipelineSource;
import dev.quarkflow.apiserver.store.PipelineVersionEntity;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.kfp.v2beta1.PipelineVersionReference;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeConfig;

/**
 * Resolves the {@code pipeline_source} oneof of runs and recurring runs into the spec they run, and checks the
 * runtime parameters against it. Upstream answers 500 for most of these failures; we answer 400/404 naming the
 * field.
 */
@ApplicationScoped
public class SourceResolver {

    static final String DEFAULT_SERVICE_ACCOUNT = "pipeline-runner";

    private final PipelineApi pipelines;

    SourceResolver(PipelineApi pipelines) {
        this.pipelines = pipelines;
    }

    /** What the client gave as the source: at most one of these is set. */
    public record Request(String deprecatedVersionId, Optional<Struct> spec,
            Optional<PipelineVersionReference> reference, RuntimeConfig runtimeConfig, String serviceAccount) {
    }

    public PipelineSource resolve(Request request, String field) {
        PipelineSource source = new PipelineSource();
        PipelineDocument document;
        if (request.reference().isPresent()) {
            PipelineVersionReference reference = request.reference().get();
            PipelineVersionEntity version = pipelines.resolveVersion(reference.getPipelineId(),
                    reference.getPipelineVersionId(), field + ".pipeline_version_reference");
            source.kind = PipelineSource.REFERENCE;
            source.pipelineId = version.pipelineId;
            source.pipelineVersionId = version.id;
            source.pipelineSpec = version.pipelineSpec;
            source.platformSpec = version.platformSpec;
            document = new PipelineDocument(PipelineSpecs.parseStored(version.pipelineSpec), version.pipelineSpec,
                    Optional.ofNullable(version.platformSpec));
        } else if (request.spec().isPresent()) {
            document = PipelineSpecs.fromStruct(request.spec().get(), field + ".pipeline_spec");
            source.kind = PipelineSource.SPEC;
            source.pipelineSpec = document.specJson();
            source.platformSpec = document.platformSpecJson().orElse(null);
        } else if (!request.deprecatedVersionId().isEmpty()) {
            throw QuarkflowException.invalidArgument(field + ".pipeline_version_id", "is deprecated and not read by"
                    + " v2beta1; use pipeline_version_reference");
        } else {
            throw QuarkflowException.invalidArgument(field + ".pipeline_source", "a pipeline_spec or a"
                    + " pipeline_version_reference is required");
        }
        Map<String, Value> parameters = request.runtimeConfig().getParametersMap();
        RuntimeParameters.validate(document.spec(), parameters, field + ".runtime_config.parameters");
        source.runtimeParameters = RunSubmissions.parametersJson(parameters);
        source.pipelineRoot = request.runtimeConfig().getPipelineRoot();
        source.serviceAccount = request.serviceAccount().isEmpty() ? DEFAULT_SERVICE_ACCOUNT
                : request.serviceAccount();
        return source;
    }
}

package dev.quarkflow.pipelineengine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Struct;

import dev.quarkflow.proto.pipelinespec.ArtifactTypeSchema;
import dev.quarkflow.proto.pipelinespec.ComponentOutputsSpec;
import dev.quarkflow.proto.pipelinespec.ComponentSpec;
import dev.quarkflow.proto.pipelinespec.ExecutorInput;
import dev.quarkflow.proto.pipelinespec.ParameterType.ParameterTypeEnum;
import dev.quarkflow.proto.pipelinespec.PipelineDeploymentConfig.PipelineContainerSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec.CachingOptions;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

class PlaceholdersTest {

    private static final ArtifactTypeSchema DATASET = ArtifactTypeSchema.newBuilder().setSchemaTitle("system.Dataset")
            .setSchemaVersion("0.0.1").build();

    private final ExecutorInput input = ExecutorInputs.build(task(), "/root/p/run-1/train",
            uri -> uri.replace("gs://", "/gcs/"));
    private final Placeholders placeholders = new Placeholders(input,
            SystemPlaceholders.of(new RunContext("run-1", "my run", "res-1", "/root", "/ws", Map.of(), Map.of(),
                    Instant.parse("2026-01-02T03:04:05Z"), null, Duration.ZERO), "train", "uuid-1"),
            uri -> uri.replace("gs://", "/gcs/"));

    private static ExecutorTask task() {
        ComponentSpec component = ComponentSpec.newBuilder().setExecutorLabel("exec-train")
                .setOutputDefinitions(ComponentOutputsSpec.newBuilder()
                        .putParameters("score", ComponentOutputsSpec.ParameterSpec.newBuilder()
                                .setParameterType(ParameterTypeEnum.NUMBER_DOUBLE).build())
                        .putArtifacts("model", ComponentOutputsSpec.ArtifactSpec.newBuilder()
                                .setArtifactType(DATASET).build()))
                .build();
        RuntimeArtifact data = RuntimeArtifact.newBuilder().setName("7").setType(DATASET).setUri("gs://b/data.csv")
                .setMetadata(Struct.newBuilder().putFields("rows", Values.of(3))).build();
        return new ExecutorTask("train", "train", "train", "uuid-1", "comp-train", "exec-train",
                PipelineContainerSpec.getDefaultInstance(), component,
                Map.of("n", Values.of(3), "name", Values.of("x y"), "ratio", Values.of(0.25),
                        "items", Values.list(List.of(Values.of(1), Values.of("a")))),
                Map.of("data", List.of(data)), CachingOptions.getDefaultInstance(), Struct.getDefaultInstance(), 1,
                Duration.ZERO);
    }

    @Test
    void substitutesInputsOutputsAndSystemValues() {
        List<String> argv = placeholders.resolve(List.of(
                "--n={{$.inputs.parameters['n']}}",
                "{{$.inputs.parameters['name']}}",
                "{{$.inputs.parameters[\"ratio\"]}}",
                "{{$.inputs.parameters['items']}}",
                "{{$.inputs.artifacts['data'].path}}",
                "{{$.inputs.artifacts['data'].uri}}",
                "{{$.inputs.artifacts['data'].metadata}}",
                "{{$.inputs.artifacts['data'].metadata['rows']}}",
                "{{$.outputs.parameters['score'].output_file}}",
                "{{$.outputs.artifacts['model'].path}}",
                "{{$.outputs.output_file}}",
                "{{$.pipeline_job_name}}/{{$.pipeline_job_uuid}}/{{$.pipeline_task_name}}/{{$.pipeline_task_uuid}}",
                "{{$.pipeline_job_resource_name}} {{$.pipeline_root}} {{$.pipeline_job_create_time_utc}}"));

        assertThat(argv).containsExactly("--n=3", "x y", "0.25", "[1,\"a\"]", "/gcs/b/data.csv", "gs://b/data.csv",
                "{\"rows\":3}", "3", "/root/p/run-1/train/.outputs/score", "/root/p/run-1/train/model",
                "/root/p/run-1/train/executor_output.json", "my run/run-1/train/uuid-1",
                "res-1 /root 2026-01-02T03:04:05Z");
    }

    @Test
    void executorInputPlaceholder_isTheProtoJson() {
        String json = placeholders.substitute("{{$}}");

        assertThat(json).startsWith("{\"inputs\":{").contains("\"parameterValues\"").contains("\"outputFile\"")
                .contains("\"schemaTitle\":\"system.Dataset\"");
        assertThat(input.getOutputs().getArtifactsMap().get("model").getArtifacts(0).getUri())
                .isEqualTo("/root/p/run-1/train/model");
    }

    @Test
    void ifPresent_expandsThenOrElse_andSplicesLists() {
        List<String> argv = placeholders.resolve(List.of(
                "{\"IfPresent\": {\"InputName\": \"n\", \"Then\": [\"--n\", \"{{$.inputs.parameters['n']}}\"]}}",
                "{\"IfPresent\": {\"InputName\": \"missing\", \"Then\": [\"--m\"], \"Else\": \"none\"}}",
                "{\"IfPresent\": {\"InputName\": \"missing\", \"Then\": [\"--m\"]}}",
                "{\"IfPresent\": {\"InputName\": \"data\", \"Then\": \"{{$.inputs.artifacts['data'].uri}}\"}}"));

        assertThat(argv).containsExactly("--n", "3", "none", "gs://b/data.csv");
    }

    @Test
    void concat_joinsItsParts_includingNestedIfPresent() {
        List<String> argv = placeholders.resolve(List.of(
                "{\"Concat\": [\"--name=\", \"{{$.inputs.parameters['name']}}\", "
                        + "{\"IfPresent\": {\"InputName\": \"n\", \"Then\": \"-{{$.inputs.parameters['n']}}\"}}]}"));

        assertThat(argv).containsExactly("--name=x y-3");
    }

    @Test
    void unknownOrMissing_isAnError() {
        assertThatThrownBy(() -> placeholders.substitute("{{$.inputs.parameters['nope']}}"))
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> placeholders.substitute("{{$.what}}")).hasMessageContaining("{{$.what}}");
    }
}

package dev.quarkflow.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Struct;

import dev.quarkflow.proto.kfpkubernetes.KubernetesExecutorConfig;
import dev.quarkflow.proto.pipelinespec.PipelineSpec;
import dev.quarkflow.proto.pipelinespec.PlatformSpec;

/**
 * Every pipeline upstream's SDK compiled (the shared corpus) parses into our {@code ml_pipelines} and
 * {@code kfp_kubernetes} messages with unknown fields rejected, and survives a JSON round trip unchanged.
 */
class PipelineSpecConformanceTest {

    static List<Path> compiledPipelines() {
        return CompiledPipelines.all();
    }

    @ParameterizedTest
    @MethodSource("compiledPipelines")
    void parsesWithoutUnknownFields_andRoundTrips(Path file) throws IOException {
        List<JsonNode> documents = CompiledPipelines.documents(file);

        PipelineSpec spec = CompiledPipelines.parse(documents.get(0), PipelineSpec.newBuilder());

        assertThat(spec.getPipelineInfo().getName()).as("pipelineInfo.name").isNotEmpty();
        assertThat(spec.getRoot().hasDag()).as("root.dag").isTrue();
        assertThat(CompiledPipelines.jsonRoundTrip(spec)).isEqualTo(spec);
        for (JsonNode document : documents.subList(1, documents.size())) {
            PlatformSpec platform = CompiledPipelines.parse(document, PlatformSpec.newBuilder());
            assertThat(CompiledPipelines.jsonRoundTrip(platform)).isEqualTo(platform);
            assertKubernetesConfigsParse(platform);
        }
    }

    private static void assertKubernetesConfigsParse(PlatformSpec platform) throws IOException {
        if (!platform.containsPlatforms("kubernetes")) {
            return;
        }
        Map<String, Struct> executors = platform.getPlatformsOrThrow("kubernetes").getDeploymentSpec()
                .getExecutorsMap();
        for (Map.Entry<String, Struct> executor : executors.entrySet()) {
            KubernetesExecutorConfig.Builder builder = KubernetesExecutorConfig.newBuilder();
            CompiledPipelines.merge(CompiledPipelines.json(executor.getValue()), builder);
            KubernetesExecutorConfig config = builder.build();

            assertThat(config).as("executor %s", executor.getKey())
                    .isNotEqualTo(KubernetesExecutorConfig.getDefaultInstance());
            assertThat(CompiledPipelines.jsonRoundTrip(config)).isEqualTo(config);
        }
    }
}

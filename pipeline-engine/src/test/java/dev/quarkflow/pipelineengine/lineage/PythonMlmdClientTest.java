package dev.quarkflow.pipelineengine.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.local.LocalEngineConfig;
import dev.quarkflow.pipelineengine.local.LocalRunEngine;

/**
 * The lineage {@link GrpcMlmdWriter} writes into a real metadata-grpc, read back by upstream's kind of client: Python
 * stubs generated from our protos by {@code proto/python/generate.sh}, run with Debian's python3-grpcio
 * ({@code src/test/python/read_run_lineage.py}, which prints what it read as JSON).
 */
class PythonMlmdClientTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void pythonClient_readsTheRunsContextsExecutionsArtifactsAndEdges() throws Exception {
        MetadataGrpcProcess.assumeBuilt();
        CompiledPipeline pipeline = MlmdLineageRecorderTest.twoStep();
        JsonNode lineage;
        List<TaskSnapshot> tasks;
        try (MetadataGrpcProcess server = MetadataGrpcProcess.start(dir.resolve("mlmd"));
                GrpcMlmdWriter writer = new GrpcMlmdWriter("127.0.0.1", server.grpcPort(), Duration.ofSeconds(30))) {
            try (LocalRunEngine engine = new LocalRunEngine(LocalEngineConfig.defaults(dir.resolve("engine"))
                    .withLineage(new MlmdLineageRecorder(writer)).withTaskTimeout(Duration.ofSeconds(60)))) {
                RunHandle run = engine.start(RunRequest.of("run-py", pipeline, Map.of()), RunListener.NONE);
                assertThat(run.completion().get(120, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
                run.lineageRecorded().get(60, TimeUnit.SECONDS);
                tasks = run.tasks();
            }
            Path stubs = Path.of("target/python-stubs").toAbsolutePath();
            run(List.of("bash", Path.of("../proto/python/generate.sh").toAbsolutePath().normalize().toString(),
                    stubs.toString()));
            lineage = new ObjectMapper().readTree(run(List.of(PYTHON.toString(),
                    Path.of("src/test/python/read_run_lineage.py").toAbsolutePath().toString(), stubs.toString(),
                    Integer.toString(server.grpcPort()), "run-py")));
        }

        JsonNode runContext = lineage.get("run_context");
        assertThat(runContext.get("type").asText()).isEqualTo("system.PipelineRun");
        assertThat(runContext.at("/custom/pipeline_root").asText()).endsWith("/containerized-two-step-pipeline/run-py");
        assertThat(runContext.at("/custom/resource_name").asText()).isEqualTo("run-resource");
        assertThat(lineage.get("parents")).extracting(p -> p.get("type").asText(), p -> p.get("name").asText())
                .containsExactly(tuple("system.Pipeline", "containerized-two-step-pipeline"));

        assertThat(lineage.get("executions")).extracting(e -> e.at("/custom/task_name").asText(),
                e -> e.get("type").asText(), e -> e.get("state").asText()).containsExactlyInAnyOrder(
                        tuple("root", "system.DAGExecution", "COMPLETE"),
                        tuple("component1", "system.ContainerExecution", "COMPLETE"),
                        tuple("component2", "system.ContainerExecution", "COMPLETE"));
        JsonNode root = find(lineage.get("executions"), "/custom/task_name", "root");
        assertThat(root.get("name").asText()).isEqualTo("run/run-py");
        assertThat(lineage.get("executions")).filteredOn(e -> e.get("type").asText().endsWith("ContainerExecution"))
                .allSatisfy(e -> {
                    assertThat(e.at("/custom/parent_dag_id").asLong()).isEqualTo(root.get("id").asLong());
                    assertThat(e.at("/custom/cache_fingerprint").asText()).hasSize(64);
                    assertThat(e.at("/custom/image").asText()).isEmpty();
                });
        assertThat(find(lineage.get("executions"), "/custom/task_name", "component1").at("/custom/inputs/text")
                .asText()).isEqualTo("Hello KFP Containerized!");

        assertThat(lineage.get("artifacts")).singleElement().satisfies(a -> {
            assertThat(a.get("type").asText()).isEqualTo("system.Dataset");
            assertThat(a.get("state").asText()).isEqualTo("LIVE");
            assertThat(a.get("uri").asText()).endsWith("/run-py/component1/output_gcs");
            assertThat(a.at("/custom/display_name").asText()).isEqualTo("output_gcs");
        });
        assertThat(lineage.get("edges")).extracting(e -> e.get("producer").asText(), e -> e.get("output").asText(),
                e -> e.get("consumer").asText(), e -> e.get("input").asText())
                .containsExactly(tuple("component1", "output_gcs", "component2", "input_gcs"));
        assertThat(tasks).as("the engine's ids are the ones Python read").extracting(TaskSnapshot::executionId)
                .containsExactlyInAnyOrderElementsOf(ids(lineage.get("executions")));
    }

    private static JsonNode find(JsonNode array, String pointer, String value) {
        for (JsonNode node : array) {
            if (node.at(pointer).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + pointer + " = " + value + " in " + array);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }
}

package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static dev.quarkflow.apiserver.rest.LocalRunsTest.awaitState;
import static dev.quarkflow.apiserver.rest.LocalRunsTest.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.kfp.v2beta1.ReadArtifactRequest;
import dev.quarkflow.proto.kfp.v2beta1.RunServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** ReadArtifact over REST and gRPC, of runs the {@code local} backend executed. */
@QuarkusTest
@TestProfile(LocalBackendProfile.class)
class RunArtifactsTest {

    private static final String TASK = "container-with-artifact-output";
    /** What the task writes into its {@code model} file: bytes that are not text. */
    private static final byte[] MODEL = { (byte) 0xff, 0, 'm', 'o', 'd', 'e', 'l', '\n' };

    @TestHTTPResource
    URL url;

    private ManagedChannel channel;
    private RunServiceGrpc.RunServiceBlockingStub runs;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext().build();
        runs = RunServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void readsAFileArtifact_andAFolderAsTarGz_overRestAndGrpc() throws IOException {
        String runId = createRun("artifacts", spec(UUID.randomUUID().toString()));
        String node = (String) task(awaitState(runId, "SUCCEEDED"), TASK).get("task_id");

        byte[] model = restRead(BASE, runId, node, "model");
        byte[] folder = restRead(BASE, runId, node, "checkpoints");
        byte[] big = restRead(BASE, runId, node, "big");

        assertThat(model).isEqualTo(MODEL);
        assertThat(restRead(BASE, runId, TASK, "model")).as("the node by its engine task path").isEqualTo(MODEL);
        assertThat(entries(folder)).containsExactly(
                Map.entry("checkpoints/", ""), Map.entry("checkpoints/epoch-1.txt", "one\n"),
                Map.entry("checkpoints/sub/", ""), Map.entry("checkpoints/sub/epoch-2.txt", "two\n"));
        assertThat(big).as("REST streams what gRPC refuses").hasSize(200_000);
        assertThat(grpcRead(runId, node, "model")).isEqualTo(MODEL);
        assertThat(entries(grpcRead(runId, node, "checkpoints"))).isEqualTo(entries(folder));
        assertThat(restRead("/apis/v1beta1", runId, node, "model")).as("upstream's v1beta1 path").isEqualTo(MODEL);
        given().get(BASE + "/runs/" + runId + "/nodes/" + node + "/artifacts/model:read").then()
                .header("Cache-Control", "no-cache, private").contentType("application/json");
        assertThatThrownBy(() -> grpcRead(runId, node, "big")).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                    assertThat(e.getStatus().getDescription()).contains("artifact_name", "grpc-max-size", "REST");
                });
    }

    @Test
    void cachedTask_readsTheArtifactsOfTheExecutionItReused() {
        Map<String, Object> spec = spec("cached-" + UUID.randomUUID());
        String first = createRun("first", spec);
        awaitState(first, "SUCCEEDED");

        String second = createRun("second", spec);
        Map<String, Object> reused = task(awaitState(second, "SUCCEEDED"), TASK);

        assertThat(reused).containsEntry("state", "SKIPPED");
        assertThat(restRead(BASE, second, (String) reused.get("task_id"), "model")).isEqualTo(MODEL);
    }

    @Test
    void unknownRunNodeOrArtifact_is404NamingWhich_overRestAndGrpc() {
        String runId = createRun("errors", spec(UUID.randomUUID().toString()));
        JsonPath run = awaitState(runId, "SUCCEEDED");
        String node = (String) task(run, TASK).get("task_id");
        String missingRun = UUID.randomUUID().toString();

        assertThat(restError(missingRun, node, "model")).contains("run_id", missingRun);
        assertThat(restError(runId, "no-such-node", "model")).contains("node_id", "no-such-node");
        assertThat(restError(runId, node, "nope")).contains("artifact_name", "\"nope\"", "model");
        given().get(BASE + "/runs/" + runId + "/nodes/" + node + "/artifacts/model:write").then().statusCode(404);
        assertThat(grpcError(missingRun, node, "model")).satisfies(s -> {
            assertThat(s.getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(s.getDescription()).startsWith("run_id:");
        });
        assertThat(grpcError(runId, "no-such-node", "model").getDescription()).startsWith("node_id:");
        assertThat(grpcError(runId, node, "nope").getDescription()).startsWith("artifact_name:");
        assertThat(grpcError(runId, "", "model")).satisfies(s -> {
            assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(s.getDescription()).startsWith("node_id:");
        });
    }

    @Test
    void importedFileOutsideThePipelineRoot_isNotRead() throws IOException {
        Path outside = Files.writeString(Path.of("target", "outside-" + UUID.randomUUID() + ".txt"), "secret")
                .toAbsolutePath();
        Map<String, Object> type = Map.of("schemaTitle", "system.Dataset", "schemaVersion", "0.0.1");
        Map<String, Object> spec = Map.of(
                "components", Map.of("comp-importer", Map.of("executorLabel", "exec-importer",
                        "inputDefinitions", Map.of("parameters", Map.of("uri", Map.of("parameterType", "STRING"))),
                        "outputDefinitions", Map.of("artifacts", Map.of("artifact", Map.of("artifactType", type))))),
                "deploymentSpec", Map.of("executors", Map.of("exec-importer", Map.of("importer", Map.of(
                        "artifactUri", Map.of("runtimeParameter", "uri"), "typeSchema", type)))),
                "pipelineInfo", Map.of("name", "importer-outside"),
                "root", Map.of("dag", Map.of("tasks", Map.of("importer", Map.of(
                        "componentRef", Map.of("name", "comp-importer"),
                        "inputs", Map.of("parameters", Map.of("uri", Map.of("runtimeValue",
                                Map.of("constant", outside.toString())))),
                        "taskInfo", Map.of("name", "importer"))))),
                "schemaVersion", "2.1.0", "sdkVersion", "kfp-2.13.0");
        String runId = json().body(Map.of("display_name", "importer", "pipeline_spec", spec)).post(BASE + "/runs")
                .then().statusCode(200).extract().path("run_id");
        String node = (String) task(awaitState(runId, "SUCCEEDED"), "importer").get("task_id");

        String message = given().get(BASE + "/runs/" + runId + "/nodes/" + node + "/artifacts/artifact:read").then()
                .statusCode(400).extract().path("error_message");

        assertThat(message).startsWith("artifact_name:").contains(outside.toString(), "pipeline root");
        assertThat(grpcError(runId, node, "artifact").getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    /**
     * {@code container_with_artifact_output.yaml} with a shell executor that writes three outputs: {@code model}
     * (a small binary file), {@code checkpoints} (a folder) and {@code big} (200 000 random bytes).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(String marker) {
        Map<String, Object> spec = Specs.corpus("container_with_artifact_output.yaml");
        Map<String, Object> component = (Map<String, Object>) ((Map<String, Object>) spec.get("components"))
                .get("comp-" + TASK);
        Map<String, Object> outputs = (Map<String, Object>) ((Map<String, Object>) component
                .get("outputDefinitions")).get("artifacts");
        Map<String, Object> type = Map.of("artifactType", Map.of("schemaTitle", "system.Artifact",
                "schemaVersion", "0.0.1"));
        outputs.put("checkpoints", type);
        outputs.put("big", type);
        Map<String, Object> container = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec
                .get("deploymentSpec")).get("executors")).get("exec-" + TASK)).get("container");
        container.put("command", List.of("sh", "-c", String.join("\n",
                "set -e",
                "echo " + marker,
                "mkdir -p \"$(dirname \"$0\")\" \"$1/sub\" \"$(dirname \"$2\")\" \"$(dirname \"$3\")\"",
                "printf '\\377\\000model\\n' > \"$0\"",
                "echo one > \"$1/epoch-1.txt\"",
                "echo two > \"$1/sub/epoch-2.txt\"",
                "head -c 200000 /dev/urandom > \"$2\"",
                "echo config > \"$3\"")));
        container.put("args", List.of("{{$.outputs.artifacts['model'].path}}",
                "{{$.outputs.artifacts['checkpoints'].path}}", "{{$.outputs.artifacts['big'].path}}",
                "{{$.outputs.parameters['model_config_path'].output_file}}"));
        return spec;
    }

    private static String createRun(String name, Map<String, Object> spec) {
        return json().body(Map.of("display_name", name, "pipeline_spec", spec, "runtime_config",
                Map.of("parameters", Map.of("num_epochs", 1)))).post(BASE + "/runs").then().statusCode(200).extract()
                .path("run_id");
    }

    private static byte[] restRead(String base, String runId, String node, String artifact) {
        String data = given().get(base + "/runs/" + runId + "/nodes/" + node + "/artifacts/" + artifact + ":read")
                .then().statusCode(200).extract().path("data");
        return Base64.getDecoder().decode(data);
    }

    private static String restError(String runId, String node, String artifact) {
        JsonPath body = given().get(BASE + "/runs/" + runId + "/nodes/" + node + "/artifacts/" + artifact + ":read")
                .then().statusCode(404).extract().jsonPath();
        assertThat(body.getString("error_details")).isEqualTo(body.getString("error_message"));
        return body.getString("error_message");
    }

    private byte[] grpcRead(String runId, String node, String artifact) {
        return runs.readArtifact(ReadArtifactRequest.newBuilder().setRunId(runId).setNodeId(node)
                .setArtifactName(artifact).build()).getData().toByteArray();
    }

    private Status grpcError(String runId, String node, String artifact) {
        try {
            grpcRead(runId, node, artifact);
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("ReadArtifact of " + node + "/" + artifact + " succeeded");
    }

    /** A tar.gz's entries, in order: name → text content. */
    private static List<Map.Entry<String, String>> entries(byte[] tarGz) throws IOException {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(Map.entry(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }
}

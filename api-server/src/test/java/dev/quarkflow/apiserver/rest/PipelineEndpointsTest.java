package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.apiserver.spec.PipelineSpecs;
import dev.quarkflow.common.testing.SharedFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PipelineEndpointsTest {

    static Stream<Path> corpus() {
        return SharedFixtures.conformanceFiles("kfp", ".yaml", ".json").stream();
    }

    static Stream<Path> invalidCorpus() {
        return SharedFixtures.conformanceFiles("kfp-invalid", ".yaml", ".zip", ".png").stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void upload_acceptsEveryCompiledPipeline_andReadsBackTheSameSpec(Path file) throws Exception {
        String name = "corpus-" + UUID.randomUUID();

        JsonPath pipeline = Api.upload(file.getFileName().toString(), Api.bytes(file), name)
                .then().statusCode(200).extract().jsonPath();
        String pipelineId = pipeline.getString("pipeline_id");
        String versions = Api.json().get(BASE + "/pipelines/" + pipelineId + "/versions")
                .then().statusCode(200).extract().asString();

        JsonPath list = new JsonPath(versions);
        assertThat(list.getInt("total_size")).isEqualTo(1);
        assertThat(list.getString("pipeline_versions[0].name")).isEqualTo(name);
        Struct.Builder response = Struct.newBuilder();
        JsonFormat.parser().merge(versions, response);
        Struct spec = response.getFieldsOrThrow("pipeline_versions").getListValue().getValues(0).getStructValue()
                .getFieldsOrThrow("pipeline_spec").getStructValue();
        assertThat(PipelineSpecs.fromStruct(spec, "pipeline_spec").spec())
                .isEqualTo(PipelineSpecs.read(Api.text(file)).spec());
    }

    @ParameterizedTest
    @MethodSource("invalidCorpus")
    void upload_rejectsEveryInvalidFile_withUploadErrorBody_andStoresNothing(Path file) {
        String name = "invalid-" + UUID.randomUUID();

        JsonPath error = Api.upload(file.getFileName().toString(), Api.bytes(file), name)
                .then().statusCode(400).extract().jsonPath();

        assertThat(error.getString("error_message")).isNotBlank();
        assertThat(error.getString("error_details")).isNotBlank();
        json().get(BASE + "/pipelines/names/" + name).then().statusCode(404);
    }

    @Test
    void upload_namesThePipelineAfterTheFile_whenNoNameIsGiven() {
        byte[] content = Api.bytes(SharedFixtures.conformance("kfp").resolve("hello_world.yaml"));
        String fileName = "unnamed-" + UUID.randomUUID() + ".yaml";

        JsonPath pipeline = Api.upload(fileName, content, null).then().statusCode(200).extract().jsonPath();

        assertThat(pipeline.getString("name")).isEqualTo(fileName);
        assertThat(pipeline.getString("display_name")).isEqualTo(fileName);
        assertThat(pipeline.getMap("")).containsKeys("pipeline_id", "created_at").doesNotContainKey("pipelineId");
    }

    @Test
    void upload_readsZipAndTarGzArchives() throws IOException {
        byte[] yaml = Api.bytes(SharedFixtures.conformance("kfp").resolve("hello_world.yaml"));

        Api.upload("p.zip", zip("pipeline.yaml", yaml), "zip-" + UUID.randomUUID()).then().statusCode(200);
        Api.upload("p.tar.gz", tarGz("hello.yaml", yaml), "tgz-" + UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void upload_rejectsDuplicateName_with409() {
        String name = "dup-" + UUID.randomUUID();
        Api.uploadCorpus("hello_world.yaml", name).then().statusCode(200);

        JsonPath error = Api.uploadCorpus("hello_world.yaml", name).then().statusCode(409).extract().jsonPath();

        assertThat(error.getString("error_message")).contains("already exist");
    }

    @Test
    void upload_rejectsInvalidGraph_namingThePath_andStoresNothing() {
        String broken = Api.text(SharedFixtures.conformance("kfp").resolve("hello_world.yaml"))
                .replace("executorLabel: exec-echo", "executorLabel: exec-nowhere");
        String name = "broken-" + UUID.randomUUID();

        JsonPath error = Api.upload("broken.yaml", broken.getBytes(StandardCharsets.UTF_8), name)
                .then().statusCode(400).extract().jsonPath();

        assertThat(error.getString("error_message")).contains("components.comp-echo.executorLabel");
        json().get(BASE + "/pipelines/names/" + name).then().statusCode(404);
    }

    @Test
    void uploadVersion_addsAVersion_andDeleteNeedsCascade() {
        String pipelineId = Api.uploadCorpus("hello_world.yaml", "versions-" + UUID.randomUUID())
                .then().statusCode(200).extract().path("pipeline_id");
        JsonPath version = io.restassured.RestAssured.given()
                .multiPart("uploadfile", "v2.yaml",
                        Api.bytes(SharedFixtures.conformance("kfp").resolve("hello_world.yaml")))
                .queryParam("name", "v2").queryParam("pipelineid", pipelineId)
                .post(BASE + "/pipelines/upload_version").then().statusCode(200).extract().jsonPath();
        assertThat(version.getString("pipeline_id")).isEqualTo(pipelineId);
        assertThat(version.getMap("pipeline_spec")).containsKeys("pipelineInfo", "root");

        JsonPath refused = json().delete(BASE + "/pipelines/" + pipelineId).then().statusCode(400).extract()
                .jsonPath();
        assertThat(refused.getString("message")).contains("cascade=true");
        assertThat(refused.getInt("code")).isEqualTo(3);
        assertThat(refused.getString("details[0].'@type'")).isEqualTo("type.googleapis.com/google.rpc.Status");
        json().get(BASE + "/pipelines/" + pipelineId).then().statusCode(200);

        json().queryParam("cascade", "true").delete(BASE + "/pipelines/" + pipelineId).then().statusCode(200);
        json().get(BASE + "/pipelines/" + pipelineId).then().statusCode(404);
        json().get(BASE + "/pipelines/" + pipelineId + "/versions/" + version.getString("pipeline_version_id"))
                .then().statusCode(404);
    }

    @Test
    void uploadVersion_toUnknownPipeline_is400() {
        io.restassured.RestAssured.given()
                .multiPart("uploadfile", "v.yaml",
                        Api.bytes(SharedFixtures.conformance("kfp").resolve("hello_world.yaml")))
                .queryParam("pipelineid", UUID.randomUUID().toString())
                .post(BASE + "/pipelines/upload_version").then().statusCode(400);
    }

    @Test
    void createPipeline_thenGetUpdateAndDelete() {
        String name = "created-" + UUID.randomUUID();
        JsonPath created = json().body(Map.of("display_name", name, "description", "d", "tags", Map.of("team", "ml")))
                .post(BASE + "/pipelines").then().statusCode(200).extract().jsonPath();
        String id = created.getString("pipeline_id");
        assertThat(created.getString("name")).isEqualTo(name);

        json().body(Map.of("display_name", "renamed", "tags", Map.of()))
                .patch(BASE + "/pipelines/" + id).then().statusCode(200);
        JsonPath read = json().get(BASE + "/pipelines/names/" + name).then().statusCode(200).extract().jsonPath();

        assertThat(read.getString("display_name")).isEqualTo("renamed");
        assertThat(read.getMap("")).doesNotContainKey("tags");
        json().delete(BASE + "/pipelines/" + id).then().statusCode(200);
        json().get(BASE + "/pipelines/" + id).then().statusCode(404);
    }

    @Test
    void createPipeline_rejectsUnknownFieldAndMissingName() {
        json().body("{\"display_name\":\"x\",\"colour\":\"red\"}").post(BASE + "/pipelines").then().statusCode(400);
        JsonPath error = json().body("{}").post(BASE + "/pipelines").then().statusCode(400).extract().jsonPath();

        assertThat(error.getString("error")).contains("name is required");
        assertThat(error.getString("message")).isEqualTo(error.getString("error"));
    }

    @Test
    void createPipelineVersion_requiresAPackageUrl_andFetchesIt() {
        String pipelineId = json().body(Map.of("name", "by-url-" + UUID.randomUUID())).post(BASE + "/pipelines")
                .then().statusCode(200).extract().path("pipeline_id");

        json().body(Map.of("name", "v1")).post(BASE + "/pipelines/" + pipelineId + "/versions")
                .then().statusCode(400);
        String notAPipeline = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/q/health/live";
        JsonPath error = json().body(Map.of("name", "v1", "package_url", Map.of("pipeline_url", notAPipeline)))
                .post(BASE + "/pipelines/" + pipelineId + "/versions").then().statusCode(400).extract().jsonPath();

        assertThat(error.getString("message")).contains("unknown template format");
    }

    @Test
    void unknownIds_are404_withGatewayBody() {
        JsonPath error = json().get(BASE + "/pipelines/" + UUID.randomUUID()).then().statusCode(404).extract()
                .jsonPath();

        assertThat(error.getInt("code")).isEqualTo(5);
        assertThat(error.getList("details")).hasSize(1);
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] tarGz(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            TarArchiveEntry header = new TarArchiveEntry(entry);
            header.setSize(content.length);
            tar.putArchiveEntry(header);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

}

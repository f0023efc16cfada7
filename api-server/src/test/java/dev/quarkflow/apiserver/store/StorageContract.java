package dev.quarkflow.apiserver.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.rpc.Status;

import dev.quarkflow.apiserver.backend.RunStatusReporter;
import dev.quarkflow.common.database.DatabaseKind;
import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.proto.kfp.v2beta1.PipelineTaskDetail;
import dev.quarkflow.proto.kfp.v2beta1.RunDetails;
import dev.quarkflow.proto.kfp.v2beta1.RuntimeState;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the api-server's storage promises, over REST, on whichever database the subclass starts: CRUD of pipelines,
 * versions, experiments and runs, the run state machine surviving in the database, and lists (filters, sorts, keyset
 * pages under concurrent inserts). The expectations are exact, so the JSON, the string ordering and the timestamps
 * must come out the same on H2, PostgreSQL and MySQL/MariaDB.
 */
abstract class StorageContract {

    static final String BASE = "/apis/v2beta1";
    private static final Map<String, Object> SPEC = corpusSpec("sequential_v1.yaml");
    /** Non-ASCII text, including a character outside the BMP (4 bytes in UTF-8: utf8mb4 on MySQL). */
    static final String UNICODE = "Ünïcödé ✓ 𝄞 – \"quoted\" \\ back\nslash";
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @Inject
    Database database;
    @Inject
    RunStatusReporter reporter;

    abstract DatabaseKind expectedDatabase();

    @Test
    void runsOnTheSelectedDatabase() {
        assertThat(database.kind()).isEqualTo(expectedDatabase());
    }

    @Test
    void pipelineAndVersions_roundTripExactly_andDeleteCascades() {
        String name = "store-" + UUID.randomUUID();
        String longDescription = UNICODE + " " + "x".repeat(70_000);
        JsonPath created = json().body(Map.of("name", name, "display_name", "Store " + UNICODE, "description",
                longDescription, "tags", Map.of("team", "a"))).post(BASE + "/pipelines").then().statusCode(200)
                .extract().jsonPath();
        String pipelineId = created.getString("pipeline_id");
        String version = given().multiPart("uploadfile", "hello_world.yaml", corpus("hello_world.yaml"))
                .queryParam("pipelineid", pipelineId).queryParam("name", "v1").queryParam("description", UNICODE)
                .post(BASE + "/pipelines/upload_version").then().statusCode(200).extract().asString();
        String versionId = new JsonPath(version).getString("pipeline_version_id");

        String read = json().get(BASE + "/pipelines/" + pipelineId).then().statusCode(200).extract().asString();
        String readVersion = json().get(BASE + "/pipelines/" + pipelineId + "/versions/" + versionId).then()
                .statusCode(200).extract().asString();

        assertThat(new JsonPath(read).getString("description")).isEqualTo(longDescription);
        assertThat(new JsonPath(read).getString("display_name")).isEqualTo("Store " + UNICODE);
        assertThat(new JsonPath(read).getString("created_at")).matches(TIMESTAMP);
        assertThat(new JsonPath(read).getMap("tags")).isEqualTo(Map.of("team", "a"));
        assertThat(readVersion).as("a read returns what the create returned").isEqualTo(version);
        assertThat(new JsonPath(readVersion).getString("description")).isEqualTo(UNICODE);
        assertThat(new JsonPath(readVersion).getMap("pipeline_spec")).containsKeys("pipelineInfo", "root");
        assertThat(json().get(BASE + "/pipelines/names/" + name).then().statusCode(200).extract()
                .<String> path("pipeline_id")).isEqualTo(pipelineId);
        json().body(Map.of("name", name)).post(BASE + "/pipelines").then().statusCode(409);

        json().delete(BASE + "/pipelines/" + pipelineId).then().statusCode(400);
        json().queryParam("cascade", "true").delete(BASE + "/pipelines/" + pipelineId).then().statusCode(200);
        json().get(BASE + "/pipelines/" + pipelineId).then().statusCode(404);
        json().get(BASE + "/pipelines/" + pipelineId + "/versions/" + versionId).then().statusCode(404);
    }

    @Test
    void experiment_archiveUnarchiveDelete_persist() {
        JsonPath created = json().body(Map.of("display_name", "exp-" + UUID.randomUUID(), "description", UNICODE))
                .post(BASE + "/experiments").then().statusCode(200).extract().jsonPath();
        String id = created.getString("experiment_id");

        json().post(BASE + "/experiments/" + id + ":archive").then().statusCode(200);
        JsonPath archived = json().get(BASE + "/experiments/" + id).then().statusCode(200).extract().jsonPath();
        json().post(BASE + "/experiments/" + id + ":unarchive").then().statusCode(200);
        String available = json().get(BASE + "/experiments/" + id).then().extract().path("storage_state");
        json().delete(BASE + "/experiments/" + id).then().statusCode(200);

        assertThat(archived.getString("storage_state")).isEqualTo("ARCHIVED");
        assertThat(archived.getString("description")).isEqualTo(UNICODE);
        assertThat(archived.getString("created_at")).isEqualTo(created.getString("created_at")).matches(TIMESTAMP);
        assertThat(available).isEqualTo("AVAILABLE");
        json().get(BASE + "/experiments/" + id).then().statusCode(404);
    }

    @Test
    void runStateMachine_isPersisted_withHistoryErrorAndDetails() {
        String experimentId = experiment();
        String runId = createRun(experimentId, "states");
        RunDetails details = RunDetails.newBuilder().addTaskDetails(PipelineTaskDetail.newBuilder()
                .setTaskId("t-1").setDisplayName("train " + UNICODE).setState(RuntimeState.FAILED)).build();

        reporter.report(runId, RuntimeState.RUNNING, Optional.empty(), Optional.empty());
        reporter.report(runId, RuntimeState.FAILED,
                Optional.of(Status.newBuilder().setCode(2).setMessage("task train failed: " + UNICODE).build()),
                Optional.of(details));
        JsonPath run = json().get(BASE + "/runs/" + runId).then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getList("state_history.state")).containsExactly("PENDING", "RUNNING", "FAILED");
        assertThat(run.getList("state_history.update_time", String.class)).allMatch(t -> t.matches(TIMESTAMP))
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(run.getString("error.message")).isEqualTo("task train failed: " + UNICODE);
        assertThat(run.getInt("error.code")).isEqualTo(2);
        assertThat(run.getString("finished_at")).matches(TIMESTAMP).isNotEqualTo("1970-01-01T00:00:00Z");
        assertThat(Instant.parse(run.getString("finished_at")))
                .isAfterOrEqualTo(Instant.parse(run.getString("created_at")));
        assertThat(run.getString("run_details.task_details[0].display_name")).isEqualTo("train " + UNICODE);
        assertThat(run.getString("runtime_config.parameters.param1")).isEqualTo("a");
    }

    @Test
    void lists_sortStringsByCodePoint_andFilterOnEveryDatabaseAlike() {
        String experimentId = experiment();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of("b", "B", "a", "A", "_", "Z", "ä")) {
            createRun(experimentId, name + "-" + tag);
        }
        String substring = filter("display_name", "IS_SUBSTRING", "\"string_value\":\"-" + tag + "\"");

        List<String> ascending = listRuns(experimentId, Map.of("filter", substring, "sort_by", "name"))
                .getList("runs.display_name");
        List<String> exact = listRuns(experimentId, Map.of("filter", filter("display_name", "EQUALS",
                "\"string_value\":\"a-" + tag + "\""))).getList("runs.display_name");
        List<String> in = listRuns(experimentId, Map.of("sort_by", "display_name desc", "filter",
                filter("display_name", "IN", "\"string_values\":{\"values\":[\"a-" + tag + "\",\"Z-" + tag
                        + "\"]}")))
                .getList("runs.display_name");
        JsonPath none = listRuns(experimentId, Map.of("filter", filter("created_at", "GREATER_THAN",
                "\"timestamp_value\":\"2999-01-01T00:00:00Z\"")));
        List<String> since = listRuns(experimentId, Map.of("filter", filter("created_at", "GREATER_THAN_EQUALS",
                "\"timestamp_value\":\"2000-01-01T00:00:00Z\""))).getList("runs.display_name");

        assertThat(ascending).as("binary (code point) order, as H2 compares")
                .containsExactly("A-" + tag, "B-" + tag, "Z-" + tag, "_-" + tag, "a-" + tag, "b-" + tag, "ä-" + tag);
        assertThat(exact).containsExactly("a-" + tag);
        assertThat(in).containsExactly("a-" + tag, "Z-" + tag);
        assertThat(none.getMap("")).isEmpty();
        assertThat(since).hasSize(7);
    }

    @Test
    void createdAtOrder_breaksTiesById_inBothDirections() {
        String experimentId = experiment();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(createRun(experimentId, "tie-" + i));
        }

        JsonPath asc = listRuns(experimentId, Map.of("sort_by", "created_at"));
        JsonPath desc = listRuns(experimentId, Map.of("sort_by", "created_at desc"));

        List<String> ascIds = asc.getList("runs.run_id");
        List<String> ascTimes = asc.getList("runs.created_at");
        assertThat(ascIds).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 1; i < ascIds.size(); i++) {
            int byTime = ascTimes.get(i - 1).compareTo(ascTimes.get(i));
            assertThat(byTime < 0 || (byTime == 0 && ascIds.get(i - 1).compareTo(ascIds.get(i)) < 0))
                    .as("row %d follows row %d by (created_at, run_id)", i, i - 1).isTrue();
        }
        List<String> reversed = new ArrayList<>(ascIds);
        Collections.reverse(reversed);
        assertThat(desc.getList("runs.run_id", String.class)).containsExactlyElementsOf(reversed);
    }

    @Test
    void pageTokens_neitherRepeatNorSkip_underConcurrentInserts() throws Exception {
        String experimentId = experiment();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            before.add(createRun(experimentId, String.format("page-%02d", i)));
        }
        String filter = filter("display_name", "IS_SUBSTRING", "\"string_value\":\"page-\"");
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<String> seenIds = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        int firstTotal;
        try {
            JsonPath page = listRuns(experimentId, Map.of("filter", filter, "sort_by", "display_name desc",
                    "page_size", "5"));
            firstTotal = page.getInt("total_size");
            List<Future<String>> inserts = new ArrayList<>();
            while (true) {
                seenIds.addAll(page.getList("runs.run_id"));
                seenNames.addAll(page.getList("runs.display_name"));
                // new rows land before and after the page being read
                String name = String.format("page-%02d-new", (inserts.size() * 7) % 24);
                inserts.add(writers.submit(() -> createRun(experimentId, name)));
                String token = page.getString("next_page_token");
                if (token == null) {
                    break;
                }
                page = listRuns(experimentId, Map.of("page_token", token, "page_size", "5"));
            }
            for (Future<String> insert : inserts) {
                insert.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdown();
        }

        assertThat(firstTotal).isEqualTo(24);
        assertThat(seenIds).as("no row twice").doesNotHaveDuplicates().as("no row that existed was skipped")
                .containsAll(before);
        assertThat(seenNames).isSortedAccordingTo(Comparator.reverseOrder());
    }

    static RequestSpecification json() {
        return given().contentType("application/json");
    }

    static String experiment() {
        return json().body(Map.of("display_name", "store-exp-" + UUID.randomUUID())).post(BASE + "/experiments")
                .then().statusCode(200).extract().path("experiment_id");
    }

    static String createRun(String experimentId, String name) {
        Map<String, Object> body = Map.of("display_name", name, "experiment_id", experimentId, "pipeline_spec",
                SPEC, "runtime_config", Map.of("parameters", Map.of("param1", "a", "param2", "b")));
        return json().body(body).post(BASE + "/runs").then().statusCode(200).extract().path("run_id");
    }

    static JsonPath listRuns(String experimentId, Map<String, String> query) {
        return json().queryParam("experiment_id", experimentId).queryParams(query).get(BASE + "/runs").then()
                .statusCode(200).extract().jsonPath();
    }

    static String filter(String key, String operation, String value) {
        return "{\"predicates\":[{\"key\":\"" + key + "\",\"operation\":\"" + operation + "\"," + value + "}]}";
    }

    private static Map<String, Object> corpusSpec(String relative) {
        try {
            return new YAMLMapper().readValue(corpus(relative), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] corpus(String relative) {
        try {
            return Files.readAllBytes(SharedFixtures.conformance("kfp").resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

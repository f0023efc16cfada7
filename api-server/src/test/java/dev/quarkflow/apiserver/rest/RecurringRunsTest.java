package dev.quarkflow.apiserver.rest;

import static dev.quarkflow.apiserver.rest.Api.BASE;
import static dev.quarkflow.apiserver.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Recurring runs over REST, fired by the scheduler (every second here) into runs the local backend executes. */
@QuarkusTest
@TestProfile(LocalBackendProfile.class)
class RecurringRunsTest {

    @Test
    void periodicRecurringRun_firesRealRuns_oneAtATime_untilDisabled() {
        String name = "every-second-" + UUID.randomUUID();
        JsonPath created = json().body(Map.of("display_name", name, "max_concurrency", "1", "mode", "ENABLE",
                "trigger", Map.of("periodic_schedule", Map.of("interval_second", "1")),
                "pipeline_spec", Specs.corpus("sequential_v1.yaml"),
                "runtime_config", Map.of("parameters", Map.of("param1", "run [[Index]]", "param2", "b"))))
                .post(BASE + "/recurringruns").then().statusCode(200).extract().jsonPath();
        String id = created.getString("recurring_run_id");
        assertThat(created.getString("status")).isEqualTo("ENABLED");
        assertThat(created.getString("mode")).isEqualTo("ENABLE");
        assertThat(created.getString("trigger.periodic_schedule.interval_second")).isEqualTo("1");

        await().atMost(Duration.ofSeconds(90)).until(() -> runsOf(id).stream()
                .filter(r -> "SUCCEEDED".equals(r.get("state"))).count() >= 2);

        List<Map<String, Object>> runs = runsOf(id);
        assertThat(runs).allSatisfy(run -> {
            assertThat((String) run.get("display_name")).startsWith(name + "-");
            assertThat(run.get("recurring_run_id")).isEqualTo(id);
        });
        assertThat(runs.get(0).get("display_name").toString()).startsWith(name + "-1-");
        assertThat(((Map<?, ?>) ((Map<?, ?>) runs.get(0).get("runtime_config")).get("parameters")).get("param1"))
                .isEqualTo("run 1");
        assertThat(Instant.parse((String) runs.get(1).get("scheduled_at")))
                .isAfter(Instant.parse((String) runs.get(0).get("scheduled_at")));
        // max_concurrency 1: each run was created only after the previous one finished
        assertThat(Instant.parse((String) runs.get(1).get("created_at")))
                .isAfterOrEqualTo(Instant.parse((String) runs.get(0).get("finished_at")));

        json().post(BASE + "/recurringruns/" + id + ":disable").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> runsOf(id).stream()
                .noneMatch(r -> List.of("PENDING", "RUNNING").contains(r.get("state"))));
        int fired = runsOf(id).size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> runsOf(id).size() == fired);
        assertThat(json().get(BASE + "/recurringruns/" + id).then().statusCode(200).extract()
                .<String> path("status")).isEqualTo("DISABLED");

        JsonPath listed = json().queryParam("page_size", 200).get(BASE + "/recurringruns").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("recurringRuns.recurring_run_id")).contains(id);

        json().delete(BASE + "/recurringruns/" + id).then().statusCode(200);
        json().get(BASE + "/recurringruns/" + id).then().statusCode(404);
        assertThat(runsOf(id)).hasSize(fired);
    }

    @Test
    void create_rejectsBadTriggersAndConcurrency() {
        Map<String, Object> spec = Specs.corpus("hello_world.yaml");
        json().body(Map.of("display_name", "x", "max_concurrency", "0", "trigger", Map.of("cron_schedule",
                Map.of("cron", "0 * * * * *")), "pipeline_spec", spec)).post(BASE + "/recurringruns").then()
                .statusCode(400);
        String message = json().body(Map.of("display_name", "x", "max_concurrency", "1", "trigger",
                Map.of("cron_schedule", Map.of("cron", "every monday")), "pipeline_spec", spec))
                .post(BASE + "/recurringruns").then().statusCode(400).extract().path("message");
        assertThat(message).contains("recurring_run.trigger.cron_schedule.cron");
        json().body(Map.of("display_name", "x", "max_concurrency", "1", "trigger",
                Map.of("periodic_schedule", Map.of("interval_second", "0")), "pipeline_spec", spec))
                .post(BASE + "/recurringruns").then().statusCode(400);
        json().body(Map.of("display_name", "x", "max_concurrency", "1", "pipeline_spec", spec))
                .post(BASE + "/recurringruns").then().statusCode(400);
    }

    /** The runs a recurring run created, by slot time. */
    private static List<Map<String, Object>> runsOf(String recurringRunId) {
        String filter = "{\"predicates\":[{\"operation\":\"EQUALS\",\"key\":\"recurring_run_id\","
                + "\"string_value\":\"" + recurringRunId + "\"}]}";
        List<Map<String, Object>> runs = json().queryParam("filter", filter).queryParam("page_size", 200)
                .queryParam("sort_by", "scheduled_at").get(BASE + "/runs").then().statusCode(200).extract()
                .jsonPath().getList("runs");
        return runs == null ? List.of() : runs; // an empty list is omitted from the JSON
    }
}

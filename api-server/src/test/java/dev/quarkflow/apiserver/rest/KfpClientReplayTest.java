package dev.quarkflow.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarkflow.common.testing.SharedFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What {@code kfp.Client} 2.x sends (facts/kfp.md §2), replayed by {@code src/test/python/kfp_client_replay.py}
 * with Debian's python3-requests against this server on a real port, with the {@code local} backend executing
 * the runs: upload, get-or-create experiment by name, runs with parameters polled to completion, and 250 runs
 * paged through with kfp.Client's empty query parameters, filters and sorts.
 */
@QuarkusTest
@TestProfile(LocalBackendProfile.class)
class KfpClientReplayTest {

    private static final Path SCRIPT = Path.of("src", "test", "python", "kfp_client_replay.py");
    private static final int PAGED_RUNS = 250;

    @TestHTTPResource("/")
    URL server;

    @Test
    @SuppressWarnings("unchecked")
    void kfpClientCalls_workAgainstTheServer() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path sequential = SharedFixtures.conformance("kfp").resolve("sequential_v1.yaml");
        // hello_world with an argument of its own, so that its first run executes rather than hitting the cache
        // entry of another test's hello_world run (the cache index lives in this profile's database).
        Path hello = Files.createTempDirectory("kfp-replay").resolve("hello_world.yaml");
        String helloSpec = Api.text(SharedFixtures.conformance("kfp").resolve("hello_world.yaml"));
        assertThat(helloSpec).contains("- hello world\n");
        Files.writeString(hello, helloSpec.replace("- hello world\n", "- hello replay " + tag + "\n"));
        Path stdout = Files.createTempFile("kfp-replay", ".json");
        Path stderr = Files.createTempFile("kfp-replay", ".err");
        List.of(hello, hello.getParent(), stdout, stderr).forEach(file -> file.toFile().deleteOnExit());
        Process process = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), server.toString(),
                sequential.toString(), hello.toString(), tag, Integer.toString(PAGED_RUNS))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();

        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }

        assertThat(ended).as("replay ended").isTrue();
        assertThat(process.exitValue()).as(read(stderr)).isZero();
        Map<String, Object> out = new ObjectMapper().readValue(stdout.toFile(), Map.class);
        assertThat(out).containsEntry("multi_user", false)
                .containsEntry("pipeline_id_by_name", true)
                .containsEntry("version_count", 2)
                .containsEntry("resolved_latest_version", true)
                .containsEntry("experiment_created_once", true)
                .containsEntry("paged_succeeded", PAGED_RUNS)
                .containsEntry("namespace_list_total", 111);
        assertThat((Map<String, Object>) out.get("inline_run"))
                .containsEntry("state", "SUCCEEDED")
                .containsEntry("parameters", Map.of("param1", "alpha", "param2", "beta"))
                .containsEntry("display_name_has_file", true)
                .containsEntry("tasks", List.of("echo", "echo-2", "sequential"));
        assertThat((Map<String, Object>) out.get("reference_run"))
                .containsEntry("state", "SUCCEEDED");
        assertThat((Map<String, Object>) out.get("default_paging"))
                .containsEntry("pages", 25).containsEntry("runs", PAGED_RUNS).containsEntry("distinct", PAGED_RUNS)
                .containsEntry("total_sizes", List.of(PAGED_RUNS));
        assertThat((Map<String, Object>) out.get("desc_paging"))
                .containsEntry("pages", 3).containsEntry("runs", PAGED_RUNS).containsEntry("distinct", PAGED_RUNS)
                .containsEntry("total_sizes", List.of(PAGED_RUNS)).containsEntry("newest_first", true);
        // paging-1, paging-10..19 and paging-100..199
        assertThat((Map<String, Object>) out.get("filtered"))
                .containsEntry("pages", 3).containsEntry("runs", 111).containsEntry("total_sizes", List.of(111))
                .containsEntry("all_match", true).containsEntry("sorted", true);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

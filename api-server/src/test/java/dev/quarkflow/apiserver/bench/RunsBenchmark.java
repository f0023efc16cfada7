package dev.quarkflow.apiserver.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.quarkflow.apiserver.store.Database;
import dev.quarkflow.common.testing.SharedFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * On demand ({@code -Dbench}): create-run throughput over REST, then list-runs latency and SQL statements per
 * request with {@value #STORED} runs stored. The rows are seeded with batched SQL, each a copy of a run the service
 * created through REST (same columns, same values but id, name, times and state) with the state history the
 * service writes for that state. Results go to the log and to {@code target/bench-<database>.txt}.
 */
@Tag("benchmark")
abstract class RunsBenchmark {

    private static final Logger LOG = Logger.getLogger(RunsBenchmark.class);
    private static final String BASE = "/apis/v2beta1";
    static final int STORED = 100_000;
    private static final int CREATES = 400;
    private static final int CLIENTS = 4;
    private static final int WARMUP = 20;
    private static final int REQUESTS = 100;
    private static final String[] STATES = { "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED",
            "SUCCEEDED", "FAILED", "FAILED", "RUNNING", "PENDING" };

    @Inject
    Database database;

    private final List<String> report = new ArrayList<>();

    @Test
    void createRunThroughput_andListRunsAt100k() throws Exception {
        String experimentId = given().contentType("application/json")
                .body(Map.of("display_name", "bench-" + UUID.randomUUID())).post(BASE + "/experiments").then()
                .statusCode(200).extract().path("experiment_id");
        Map<String, Object> spec = spec("hello_world.yaml");
        line("database %s, %d cores, load before: %s", database.kind().unitName(),
                Runtime.getRuntime().availableProcessors(), uptime());

        createRuns(experimentId, spec);
        String template = createRun(experimentId, spec, "template");
        long seedStart = System.nanoTime();
        seed(template, STORED - CREATES - 1);
        line("seeded %d runs by batched SQL in %.1f s", STORED - CREATES - 1,
                (System.nanoTime() - seedStart) / 1e9);

        String succeeded = "{\"predicates\":[{\"key\":\"state\",\"operation\":\"EQUALS\",\"string_value\":"
                + "\"SUCCEEDED\"}]}";
        String failedOrRunning = "{\"predicates\":[{\"key\":\"state\",\"operation\":\"IN\",\"string_values\":"
                + "{\"values\":[\"FAILED\",\"RUNNING\"]}},{\"key\":\"created_at\",\"operation\":\"GREATER_THAN\","
                + "\"timestamp_value\":\"2000-01-01T00:00:00Z\"}]}";
        String nameSubstring = "{\"predicates\":[{\"key\":\"display_name\",\"operation\":\"IS_SUBSTRING\","
                + "\"string_value\":\"run-42\"}]}";
        line("%-58s %9s %9s %9s %6s", "list-runs (page_size 100, pages followed by token)", "p50 ms", "p95 ms",
                "stmts/req", "rows");
        listRuns("state = SUCCEEDED, sort_by created_at desc", succeeded, "created_at desc", 100);
        listRuns("state = SUCCEEDED, sort_by created_at desc (page_size 10)", succeeded, "created_at desc", 10);
        listRuns("state IN (FAILED, RUNNING) and created_at > t, name asc", failedOrRunning, "name asc", 100);
        listRuns("display_name IS_SUBSTRING run-42, sort_by name desc", nameSubstring, "name desc", 100);
        listRuns("no filter, default sort (created_at asc)", "", "", 100);
        line("load after: %s", uptime());
        Files.write(Path.of("target", "bench-" + database.kind().unitName() + ".txt"), report);
    }

    private void createRuns(String experimentId, Map<String, Object> spec) throws Exception {
        createRun(experimentId, spec, "warm-up");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Long>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CREATES; i++) {
            String name = "created-" + i;
            calls.add(clients.submit(() -> timed(() -> createRun(experimentId, spec, name))));
        }
        long[] nanos = new long[CREATES];
        for (int i = 0; i < CREATES; i++) {
            nanos[i] = calls.get(i).get(60, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        Arrays.sort(nanos);
        line("create-run over REST: %d runs from %d clients in %.1f s = %.0f runs/s, p50 %.1f ms, p95 %.1f ms",
                CREATES, CLIENTS, seconds, CREATES / seconds, percentile(nanos, 50), percentile(nanos, 95));
    }

    private void listRuns(String label, String filter, String sortBy, int pageSize) {
        Statistics statistics = statistics();
        String token = "";
        for (int i = 0; i < WARMUP; i++) {
            token = page(filter, sortBy, pageSize, token).getString("next_page_token");
            token = token == null ? "" : token;
        }
        statistics.clear();
        long[] nanos = new long[REQUESTS];
        int rows = 0;
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            JsonPath page = page(filter, sortBy, pageSize, token);
            nanos[i] = System.nanoTime() - start;
            rows = Math.max(rows, page.getList("runs").size());
            token = page.getString("next_page_token");
            token = token == null ? "" : token;
        }
        double statements = (double) statistics.getPrepareStatementCount() / REQUESTS;
        Arrays.sort(nanos);
        line("%-58s %9.1f %9.1f %9.1f %6d", label, percentile(nanos, 50), percentile(nanos, 95), statements, rows);
    }

    private static JsonPath page(String filter, String sortBy, int pageSize, String token) {
        var request = given().queryParam("page_size", pageSize);
        if (token.isEmpty()) {
            request = request.queryParam("filter", filter).queryParam("sort_by", sortBy);
        } else {
            request = request.queryParam("page_token", token);
        }
        Response response = request.get(BASE + "/runs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static String createRun(String experimentId, Map<String, Object> spec, String name) {
        return given().contentType("application/json").body(Map.of("display_name", name, "experiment_id",
                experimentId, "pipeline_spec", spec, "runtime_config", Map.of("parameters", Map.of())))
                .post(BASE + "/runs").then().statusCode(200).extract().path("run_id");
    }

    /**
     * Copies the template run {@code count} times: new id, display name {@code run-<i>}, creation times 10 runs a
     * second before now, a state from {@link #STATES} and the history the service writes on the way there.
     */
    private void seed(String templateId, int count) throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            connection.setAutoCommit(false);
            Map<String, Object> template = row(connection, templateId);
            List<String> columns = new ArrayList<>(template.keySet());
            String insert = "insert into runs (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            long now = System.currentTimeMillis() / 1000;
            long first = now - count / 10 - 1;
            try (PreparedStatement runs = connection.prepareStatement(insert);
                    PreparedStatement history = connection.prepareStatement("insert into run_state_history"
                            + " (run_id, seq, update_time, state, error_message) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = UUID.randomUUID().toString();
                    String state = STATES[i % STATES.length];
                    long created = first + i / 10;
                    Map<String, Object> values = new LinkedHashMap<>(template);
                    values.put("id", id);
                    values.put("display_name", "run-" + i);
                    values.put("created_at", created);
                    values.put("scheduled_at", created);
                    values.put("state", state);
                    boolean terminal = state.equals("SUCCEEDED") || state.equals("FAILED");
                    values.put("finished_at", terminal ? created + 60 : 0L);
                    values.put("error_code", state.equals("FAILED") ? 2 : 0);
                    values.put("error_message", state.equals("FAILED") ? "task hello-world failed" : null);
                    for (int c = 0; c < columns.size(); c++) {
                        runs.setObject(c + 1, values.get(columns.get(c)));
                    }
                    runs.addBatch();
                    List<String> path = switch (state) {
                        case "PENDING" -> List.of("PENDING");
                        case "RUNNING" -> List.of("PENDING", "RUNNING");
                        default -> List.of("PENDING", "RUNNING", state);
                    };
                    for (int seq = 0; seq < path.size(); seq++) {
                        history.setString(1, id);
                        history.setInt(2, seq);
                        history.setLong(3, created + seq * 30L);
                        history.setString(4, path.get(seq));
                        history.setString(5, path.get(seq).equals("FAILED") ? "task hello-world failed" : null);
                        history.addBatch();
                    }
                    if (i % 1000 == 999 || i == count - 1) {
                        runs.executeBatch();
                        history.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private static Map<String, Object> row(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select * from runs where id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("template run %s stored", id).isTrue();
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), value);
                }
                return row;
            }
        }
    }

    private AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class,
                new io.quarkus.agroal.DataSource.DataSourceLiteral(database.kind().unitName())).get();
    }

    private Statistics statistics() {
        Statistics statistics = Arc.container().instance(SessionFactory.class,
                new PersistenceUnit.PersistenceUnitLiteral(database.kind().unitName())).get().getStatistics();
        // on for the benchmark only (hibernate.generate_statistics at run time): counts prepared statements
        statistics.setStatisticsEnabled(true);
        return statistics;
    }

    private static long timed(Supplier<String> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static double percentile(long[] sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        LOG.info(text);
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> spec(String relative) throws IOException {
        return new YAMLMapper().readValue(SharedFixtures.conformance("kfp").resolve(relative).toFile(),
                new TypeReference<Map<String, Object>>() {
                });
    }
}

package dev.quarkflow.metadata.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.ExecutionType;
import dev.quarkflow.proto.mlmd.GetArtifactsByIDRequest;
import dev.quarkflow.proto.mlmd.GetArtifactsRequest;
import dev.quarkflow.proto.mlmd.GetLineageSubgraphRequest;
import dev.quarkflow.proto.mlmd.LineageGraph;
import dev.quarkflow.proto.mlmd.LineageSubgraphQueryOptions;
import dev.quarkflow.proto.mlmd.ListOperationOptions;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub;
import dev.quarkflow.proto.mlmd.PropertyType;
import dev.quarkflow.proto.mlmd.PutArtifactTypeRequest;
import dev.quarkflow.proto.mlmd.PutArtifactsRequest;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.mlmd.PutExecutionRequest.ArtifactAndEvent;
import dev.quarkflow.proto.mlmd.PutExecutionTypeRequest;
import dev.quarkflow.proto.mlmd.Value;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * The on-demand benchmark, never run by {@code verify} (tag {@code benchmark}, excluded by default): the
 * packaged server runs as its own process (H2 in a temporary data directory, free ports), and closed-loop client
 * threads call it over one real gRPC channel, next to a no-op grpc-java echo server measured in the same run. Run
 * with {@code ./mvnw -B package -DskipTests -pl metadata-grpc && ./mvnw -B test -pl metadata-grpc -Dbench}; knobs:
 * {@code -Dbench.threads=8 -Dbench.warmup=5 -Dbench.measure=10} (seconds), {@code -Dbench.artifacts=100000} (rows
 * behind the filter case), {@code -Dbench.load-seconds=180} (bulk-load budget), {@code -Dbench.jvm-args="..."}.
 * The table goes to stdout and {@code target/benchmark.txt}.
 */
@Tag("benchmark")
class MetadataStoreBenchmarkTest {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int SHARDS = 1000;
    private static final int LINEAGE_EXECUTIONS = 100;
    private static final int OUTPUTS_PER_EXECUTION = 99;

    private final int threads = Integer.getInteger("bench.threads", 8);
    private final LoadLoop loop = new LoadLoop(Duration.ofSeconds(Integer.getInteger("bench.warmup", 5)),
            Duration.ofSeconds(Integer.getInteger("bench.measure", 10)));

    @Test
    void metadataStoreAgainstEchoCeiling() throws Exception {
        assertThat(APP).as("package the server first (./mvnw -B package -DskipTests -pl metadata-grpc)").exists();
        Path dataDir = Files.createTempDirectory("mlmd-bench");
        int grpcPort = freePort();
        int httpPort = freePort();
        Process server = startServer(dataDir, grpcPort, httpPort);
        ManagedChannel mlmd = NettyChannelBuilder.forAddress("localhost", grpcPort).usePlaintext()
                .maxInboundMessageSize(100 << 20).build();
        try (EchoServer echo = new EchoServer()) {
            ManagedChannel echoChannel = NettyChannelBuilder.forAddress("localhost", echo.port()).usePlaintext()
                    .build();
            try {
                awaitReady(httpPort);
                MetadataStoreServiceBlockingStub stub = MetadataStoreServiceGrpc.newBlockingStub(mlmd);
                report(run(stub, echoChannel));
            } finally {
                echoChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } finally {
            mlmd.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            deleteTree(dataDir);
        }
    }

    private Report run(MetadataStoreServiceBlockingStub stub, ManagedChannel echoChannel) throws Exception {
        long rowType = artifactType(stub, "bench.Row");
        long putType = artifactType(stub, "bench.Put");
        long stepType = stub.putExecutionType(PutExecutionTypeRequest.newBuilder()
                .setExecutionType(ExecutionType.newBuilder().setName("bench.Step")).build()).getTypeId();

        Instant loadStart = Instant.now();
        int loaded = bulkLoad(stub, rowType, Integer.getInteger("bench.artifacts", 100_000),
                Duration.ofSeconds(Integer.getInteger("bench.load-seconds", 180)));
        Duration loadTime = Duration.between(loadStart, Instant.now());
        long root = buildLineage(stub, putType, stepType);
        GetLineageSubgraphRequest lineage = GetLineageSubgraphRequest.newBuilder()
                .setLineageSubgraphQueryOptions(LineageSubgraphQueryOptions.newBuilder()
                        .setStartingArtifacts(LineageSubgraphQueryOptions.StartingNodes.newBuilder()
                                .setFilterQuery("id = " + root))
                        .setMaxNumHops(2).setDirection(LineageSubgraphQueryOptions.Direction.DOWNSTREAM))
                .build();
        LineageGraph graph = stub.getLineageSubgraph(lineage).getLineageSubgraph();
        int lineageNodes = graph.getArtifactsCount() + graph.getExecutionsCount();
        assertThat(lineageNodes).isEqualTo(1 + LINEAGE_EXECUTIONS * (1 + OUTPUTS_PER_EXECUTION));

        PutArtifactsRequest one = PutArtifactsRequest.newBuilder().addArtifacts(artifact(putType, "bench://one", -1))
                .build();
        PutArtifactsRequest hundred = PutArtifactsRequest.newBuilder()
                .addAllArtifacts(Stream.generate(() -> artifact(putType, "bench://hundred", -1)).limit(100).toList())
                .build();
        long firstRow = stub.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(ListOperationOptions
                .newBuilder().setMaxResultSize(1).setFilterQuery("type = 'bench.Row'")).build()).getArtifacts(0)
                .getId();
        byte[] echoPayload = one.toByteArray();
        List<LoadLoop.Result> results = new ArrayList<>();
        results.add(loop.run("echo (no-op grpc-java unary)", threads, 1,
                (t, n) -> EchoServer.call(echoChannel, echoPayload)));
        results.add(loop.run("PutArtifacts, 1 per call", threads, 1, (t, n) -> stub.putArtifacts(one)));
        results.add(loop.run("PutArtifacts, 100 per call", threads, 100, (t, n) -> stub.putArtifacts(hundred)));
        results.add(loop.run("GetArtifactsByID, 1 id", threads, 1, (t, n) -> stub.getArtifactsByID(
                GetArtifactsByIDRequest.newBuilder().addArtifactIds(firstRow + spread(t, n, loaded)).build())));
        results.add(loop.run("GetArtifacts filter_query over " + loaded, threads, 1, (t, n) -> stub.getArtifacts(
                GetArtifactsRequest.newBuilder().setOptions(ListOperationOptions.newBuilder().setMaxResultSize(100)
                        .setFilterQuery("type = 'bench.Row' AND properties.shard.int_value = "
                                + spread(t, n, SHARDS)))
                        .build())));
        results.add(loop.run("PutExecution, 1 in + 1 out event", threads, 1, (t, n) -> stub.putExecution(
                PutExecutionRequest.newBuilder().setExecution(Execution.newBuilder().setTypeId(stepType))
                        .addArtifactEventPairs(ArtifactAndEvent.newBuilder().setEvent(Event.newBuilder()
                                .setArtifactId(firstRow + spread(t, n, loaded)).setType(Event.Type.INPUT)))
                        .addArtifactEventPairs(ArtifactAndEvent.newBuilder()
                                .setArtifact(artifact(putType, "bench://out", -1))
                                .setEvent(Event.newBuilder().setType(Event.Type.OUTPUT)))
                        .build())));
        results.add(loop.run("GetLineageSubgraph, " + lineageNodes + " nodes", threads, 1,
                (t, n) -> stub.getLineageSubgraph(lineage)));
        results.add(loop.run("GetLineageSubgraph, " + lineageNodes + " nodes", 1, 1,
                (t, n) -> stub.getLineageSubgraph(lineage)));
        return new Report(results, loaded, loadTime);
    }

    /** Spreads the calls of all threads over {@code [0, size)} without a shared random source. */
    private static long spread(int thread, long call, int size) {
        return Math.floorMod(call * 7919 + thread * 104_729L, size);
    }

    private static long artifactType(MetadataStoreServiceBlockingStub stub, String name) {
        return stub.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(
                ArtifactType.newBuilder().setName(name).putProperties("shard", PropertyType.INT)).build())
                .getTypeId();
    }

    private static Artifact artifact(long typeId, String uri, long shard) {
        Artifact.Builder artifact = Artifact.newBuilder().setTypeId(typeId).setUri(uri)
                .setState(Artifact.State.LIVE);
        if (shard >= 0) {
            artifact.putProperties("shard", Value.newBuilder().setIntValue(shard).build());
        }
        return artifact.build();
    }

    /** 100 artifacts per call from all client threads until {@code target} rows or the time budget is spent. */
    private int bulkLoad(MetadataStoreServiceBlockingStub stub, long rowType, int target, Duration budget)
            throws Exception {
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicInteger nextBatch = new AtomicInteger();
        int batches = target / 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    int rows = 0;
                    for (int b = nextBatch.getAndIncrement(); b < batches && System.nanoTime() < deadline; b = nextBatch
                            .getAndIncrement()) {
                        PutArtifactsRequest.Builder request = PutArtifactsRequest.newBuilder();
                        for (int i = 0; i < 100; i++) {
                            int row = b * 100 + i;
                            request.addArtifacts(artifact(rowType, "bench://row/" + row, row % SHARDS));
                        }
                        rows += stub.putArtifacts(request.build()).getArtifactIdsCount();
                    }
                    return rows;
                }));
            }
            int rows = 0;
            for (Future<Integer> future : done) {
                rows += future.get();
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One root artifact read by 100 executions that each write 99 artifacts: 10,001 nodes within two hops. */
    private static long buildLineage(MetadataStoreServiceBlockingStub stub, long artifactType, long stepType) {
        long root = stub.putArtifacts(PutArtifactsRequest.newBuilder()
                .addArtifacts(artifact(artifactType, "bench://lineage/root", -1)).build()).getArtifactIds(0);
        for (int e = 0; e < LINEAGE_EXECUTIONS; e++) {
            PutExecutionRequest.Builder request = PutExecutionRequest.newBuilder()
                    .setExecution(Execution.newBuilder().setTypeId(stepType))
                    .addArtifactEventPairs(ArtifactAndEvent.newBuilder()
                            .setEvent(Event.newBuilder().setArtifactId(root).setType(Event.Type.INPUT)));
            for (int o = 0; o < OUTPUTS_PER_EXECUTION; o++) {
                request.addArtifactEventPairs(ArtifactAndEvent.newBuilder()
                        .setArtifact(artifact(artifactType, "bench://lineage/" + e + "/" + o, -1))
                        .setEvent(Event.newBuilder().setType(Event.Type.OUTPUT)));
            }
            stub.putExecution(request.build());
        }
        return root;
    }

    private record Report(List<LoadLoop.Result> results, int loaded, Duration loadTime) {
    }

    private void report(Report report) throws IOException {
        double echo = report.results().get(0).callsPerSecond();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "metadata-grpc benchmark, %s, %d cores, load average %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage()));
        table.append(String.format(Locale.ROOT,
                "bulk load: %d artifacts (100 per call, %d threads) in %.1f s = %.0f artifacts/s%n%n",
                report.loaded(), threads, report.loadTime().toMillis() / 1000.0,
                report.loaded() / (report.loadTime().toMillis() / 1000.0)));
        table.append("| case | threads | calls/s | items/s | p50 ms | p99 ms | % of echo |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (LoadLoop.Result r : report.results()) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.1f%% |%n", r.name(),
                    r.threads(), r.callsPerSecond(), r.callsPerSecond() * r.itemsPerCall(), r.p50Millis(),
                    r.p99Millis(), 100 * r.callsPerSecond() / echo));
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark.txt"), table);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Process startServer(Path dataDir, int grpcPort, int httpPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String jvmArgs = System.getProperty("bench.jvm-args", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dquarkus.grpc.server.port=" + grpcPort, "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.grpc.server.host=127.0.0.1", "-Dquarkus.http.host=127.0.0.1", "-jar",
                APP.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "benchmark-server.log").toFile());
        builder.environment().put("QUARKFLOW_DATA_DIR", dataDir.toString());
        return builder.start();
    }

    private static void awaitReady(int httpPort) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

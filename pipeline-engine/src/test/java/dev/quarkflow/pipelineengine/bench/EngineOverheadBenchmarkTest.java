package dev.quarkflow.pipelineengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.bench.BenchmarkPipelines.NoOp;
import dev.quarkflow.pipelineengine.cache.InMemoryCacheStore;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.lineage.GrpcMlmdWriter;
import dev.quarkflow.pipelineengine.lineage.InMemoryMlmdWriter;
import dev.quarkflow.pipelineengine.lineage.MetadataGrpcProcess;
import dev.quarkflow.pipelineengine.lineage.MlmdLineageRecorder;
import dev.quarkflow.pipelineengine.lineage.MlmdWriter;
import dev.quarkflow.pipelineengine.lineage.RecordingMlmdWriter;
import dev.quarkflow.pipelineengine.local.LocalEngineConfig;
import dev.quarkflow.pipelineengine.local.LocalRunEngine;
import dev.quarkflow.pipelineengine.local.PythonRuntime;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;

/**
 * On-demand benchmark (tag {@code benchmark}, never in verify): per-task engine overhead of the local backend with
 * MLMD lineage on. Run: {@code ./mvnw -B test -pl pipeline-engine -Dbench}. Lineage goes to a real metadata-grpc
 * (started from {@code ../metadata-grpc/target/quarkus-app/quarkus-run.jar} on free ports with a temporary data
 * directory) when that jar is built, else to {@link InMemoryMlmdWriter}.
 * <p>
 * Overhead per task = (run wall time with one process at a time − tasks × the mean wall time of the same no-op
 * process started directly) / tasks. The parallel wall time is the same pipeline with the default parallelism; the
 * last column repeats the sequential run with lineage in memory, to separate the MLMD server's share.
 */
@Tag("benchmark")
class EngineOverheadBenchmarkTest {

    private static final int BASELINE_SAMPLES = 50;

    @TempDir
    Path dir;
    private int runs;

    record Scenario(String name, NoOp noOp, int tasks, CompiledPipeline pipeline) {
    }

    @Test
    void perTaskOverhead_withLineage() throws Exception {
        List<Scenario> scenarios = List.of(
                new Scenario("fan-out, shell", NoOp.SHELL, 50, BenchmarkPipelines.fanOut(NoOp.SHELL, 50)),
                new Scenario("chain, shell", NoOp.SHELL, 20, BenchmarkPipelines.chain(NoOp.SHELL, 20)),
                new Scenario("fan-out, Python", NoOp.PYTHON, 50, BenchmarkPipelines.fanOut(NoOp.PYTHON, 50)),
                new Scenario("chain, Python", NoOp.PYTHON, 20, BenchmarkPipelines.chain(NoOp.PYTHON, 20)),
                new Scenario("DAG 10×20, shell", NoOp.SHELL, 200, BenchmarkPipelines.layeredDag(NoOp.SHELL, 10, 20)));
        // -Dbench.only=Python: only the scenarios whose name contains it (the warm-up still runs)
        String only = System.getProperty("bench.only", "");
        List<Scenario> measured = scenarios.stream().filter(s -> s.name().contains(only)).toList();
        MetadataGrpcProcess metadata = MetadataGrpcProcess.built() ? MetadataGrpcProcess.start(dir.resolve("mlmd"))
                : null;
        try {
            MlmdWriter server = metadata == null ? new InMemoryMlmdWriter()
                    : new GrpcMlmdWriter("127.0.0.1", metadata.grpcPort(), Duration.ofSeconds(30));
            RecordingMlmdWriter writer = new RecordingMlmdWriter(server);
            String lineage = metadata == null ? "InMemoryMlmdWriter" : "GrpcMlmdWriter → metadata-grpc (H2 file)";
            Map<NoOp, Double> processMillis = Map.of(NoOp.SHELL, baselineMillis(NoOp.SHELL),
                    NoOp.PYTHON, baselineMillis(NoOp.PYTHON));
            // warm-up: JIT (of this JVM and of the metadata-grpc server, which runs for long in real use), runtime
            // extraction, MLMD type registration; -Dbench.warmup=1 measures a freshly started server instead
            int warmupRounds = Integer.getInteger("bench.warmup", 5);
            for (int round = 0; round < warmupRounds; round++) {
                for (Scenario s : scenarios.subList(0, 3)) {
                    wallMillis(writer, 1, s.pipeline());
                }
            }
            // a long-running server has compiled its hot paths: replay the warm-up's own new-execution writes until
            // it has served this many calls (-Dbench.serverWarmup=0 skips it)
            int serverWarmup = metadata == null ? 0 : Integer.getInteger("bench.serverWarmup", 15_000);
            warmServer(server, writer.putExecutions(), serverWarmup);
            StringBuilder table = new StringBuilder("lineage: " + lineage + ", CPUs: "
                    + Runtime.getRuntime().availableProcessors() + ", warm-up rounds: " + warmupRounds
                    + " (120 tasks each) and " + serverWarmup + " replayed PutExecution calls, load average at start: "
                    + format(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                    + ", process wall time (mean of "
                    + BASELINE_SAMPLES + " direct starts): shell "
                    + format(processMillis.get(NoOp.SHELL)) + " ms, Python "
                    + format(processMillis.get(NoOp.PYTHON)) + " ms\n\n"
                    + "| pipeline | tasks | wall, 1 process at a time (+ lineage tail) | overhead/task"
                    + " | wall, parallel (+ lineage tail) | CPU ms/task, parallel: tasks, engine JVM, metadata-grpc"
                    + " | overhead/task, in-memory MLMD | MLMD calls/task"
                    + " (PutExecution) | ms in MLMD/task, off the scheduler |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            MlmdWriter inMemory = new InMemoryMlmdWriter();
            int parallel = Integer.getInteger("bench.parallel", LocalEngineConfig.defaults(dir).maxParallelTasks());
            for (Scenario s : measured) {
                writer.reset();
                Wall sequential = wallMillis(writer, 1, s.pipeline());
                int putExecutions = writer.putExecutions().size();
                RecordingMlmdWriter.Totals lineageShare = writer.reset();
                Cpu before = Cpu.now(metadata);
                Wall parallelWall = wallMillis(writer, parallel, s.pipeline());
                Cpu used = Cpu.now(metadata).minus(before);
                double overhead = (sequential.run() - s.tasks() * processMillis.get(s.noOp())) / s.tasks();
                table.append("| ").append(s.name()).append(" | ").append(s.tasks()).append(" | ")
                        .append(sequential).append(" | ").append(format(overhead)).append(" ms | ")
                        .append(parallelWall).append(", ").append(parallel).append(" at once | ")
                        .append(used.perTask(s.tasks())).append(" | ");
                Wall withoutServer = wallMillis(inMemory, 1, s.pipeline());
                table.append(format((withoutServer.run() - s.tasks() * processMillis.get(s.noOp())) / s.tasks()))
                        .append(" ms | ").append(format((double) lineageShare.calls() / s.tasks())).append(" (")
                        .append(format((double) putExecutions / s.tasks())).append(") | ")
                        .append(format(lineageShare.millis() / s.tasks())).append(" ms |\n");
            }
            if (server instanceof GrpcMlmdWriter grpc) {
                grpc.close();
            }
            System.out.println("\n" + table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/benchmark.md"), table);
        } finally {
            if (metadata != null) {
                metadata.close();
            }
        }
    }

    /** Sends these requests, round robin from two threads, until {@code calls} have been answered. */
    private static void warmServer(MlmdWriter server, List<PutExecutionRequest> recorded, int calls)
            throws InterruptedException {
        // new executions without a name only: replaying them adds executions, never clashes with a stored one
        List<PutExecutionRequest> shapes = recorded.stream()
                .filter(r -> !r.getExecution().hasId() && !r.getExecution().hasName()).toList();
        if (shapes.isEmpty() || calls <= 0) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                PutExecutionRequest request = shapes.get(i % shapes.size());
                sent.add(threads.submit(() -> server.putExecution(request)));
            }
            for (Future<?> call : sent) {
                call.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("warming metadata-grpc failed", e.getCause());
        } finally {
            threads.shutdown();
        }
    }

    /**
     * CPU time used so far, in milliseconds: by the processes this JVM started and reaped (the tasks, with the
     * processes they waited for; {@code cutime + cstime} of {@code /proc/self/stat}), by this JVM (the engine, its
     * gRPC client and the test), and by the metadata-grpc server. Unlike wall time, this hardly depends on what
     * else the machine runs.
     */
    record Cpu(double tasks, double jvm, double server) {

        private static final double TICK_MILLIS = 1000.0 / clockTicks();

        static Cpu now(MetadataGrpcProcess metadata) throws java.io.IOException {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double children = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_MILLIS;
            double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
            return new Cpu(children, jvm, metadata == null ? 0 : metadata.cpuTime().toNanos() / 1e6);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(tasks - earlier.tasks, jvm - earlier.jvm, server - earlier.server);
        }

        String perTask(int count) {
            return format(tasks / count) + ", " + format(jvm / count) + ", " + format(server / count);
        }

        private static long clockTicks() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
                String out = new String(getconf.getInputStream().readAllBytes()).strip();
                getconf.waitFor();
                return Long.parseLong(out);
            } catch (java.io.IOException | NumberFormatException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }

    /** Milliseconds until the run ended, and until its lineage was recorded too. */
    record Wall(double run, double lineage) {
        @Override
        public String toString() {
            return format(run) + " ms (+" + format(lineage - run) + ")";
        }
    }

    private Wall wallMillis(MlmdWriter writer, int maxParallel, CompiledPipeline pipeline) throws Exception {
        LocalEngineConfig config = LocalEngineConfig.defaults(dir).withMaxParallelTasks(maxParallel)
                .withCache(false, new InMemoryCacheStore()).withLineage(new MlmdLineageRecorder(writer));
        try (LocalRunEngine engine = new LocalRunEngine(config)) {
            RunRequest request = new RunRequest("bench-" + (++runs) + "-" + System.nanoTime(), null, pipeline,
                    Map.of(), Map.of(), null, false, null);
            long start = System.nanoTime();
            RunHandle run = engine.start(request, RunListener.NONE);
            RunState state = run.completion().get(10, TimeUnit.MINUTES);
            long end = System.nanoTime();
            run.lineageRecorded().get(10, TimeUnit.MINUTES);
            long recorded = System.nanoTime();
            assertThat(state).as("run %s: %s", request.runId(), run.error()).isEqualTo(RunState.SUCCEEDED);
            return new Wall((end - start) / 1e6, (recorded - start) / 1e6);
        }
    }

    /** Mean wall time of the no-op task's process started directly (same command, env and redirects). */
    private double baselineMillis(NoOp noOp) throws Exception {
        Path work = Files.createDirectories(dir.resolve("baseline-" + noOp));
        PythonRuntime runtime = PythonRuntime.install(work.resolve("kfp-runtime"), Path.of("/usr/bin/python3"));
        String executorInput = "{\"inputs\":{},\"outputs\":{\"outputFile\":\""
                + work.resolve("executor_output.json") + "\"}}";
        List<String> command = noOp == NoOp.SHELL ? List.of("sh", "-c", ":")
                : List.of("sh", "-ec", BenchmarkPipelines.PYTHON_SCRIPT, BenchmarkPipelines.PYTHON_SOURCE,
                        "--executor_input", executorInput, "--function_to_execute", "noop");
        long total = 0;
        for (int i = 0; i < BASELINE_SAMPLES + 5; i++) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(work.resolve("stdout.log").toFile())
                    .redirectError(work.resolve("stderr.log").toFile());
            builder.environment().put("PYTHONPATH", runtime.pythonPath().toString());
            builder.environment().put("PATH", runtime.binDir() + ":" + System.getenv("PATH"));
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            long end = System.nanoTime();
            assertThat(exit).as("%s: %s", command, Files.readString(work.resolve("stderr.log"))).isZero();
            if (i >= 5) { // the first starts warm the page cache
                total += end - start;
            }
        }
        return total / 1e6 / BASELINE_SAMPLES;
    }

    private static String format(double millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis);
    }
}

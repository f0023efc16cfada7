package dev.quarkflow.training.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.quarkflow.training.api.PyTorchJob;
import dev.quarkflow.training.api.RunPolicy;
import dev.quarkflow.training.engine.Fixtures;
import dev.quarkflow.training.engine.Labels;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * The on-demand benchmark, never run by {@code verify} (tag {@code benchmark}, excluded by default): the
 * packaged operator runs as its own process against a fabric8 mock API server (CRUD mode) started here; 500
 * PyTorchJobs (1 Master + 3 Workers) are created at once, and we measure the time until all 2000 pods and 2000
 * Services exist and the operator process's resident memory (VmRSS, sampled, and the kernel's peak VmHWM). Run with
 * {@code ./mvnw -B package -DskipTests -pl training-operator && ./mvnw -B test -pl training-operator -Dbench}
 * (JVM flags for the operator, default {@value #DEFAULT_JVM_ARGS}: {@code -Dbench.jvm-args="..."}, job count:
 * {@code -Dbench.jobs=N}).
 */
@Tag("benchmark")
class PyTorchJobsBenchmarkTest {

    private static final String NAMESPACE = "bench";
    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path CRDS = Path.of("target", "kubernetes");
    /** A small fixed heap with the serial collector, as the operator would run in a container with a memory limit. */
    private static final String DEFAULT_JVM_ARGS = "-XX:+UseSerialGC -Xms16m -Xmx96m -Xss512k -XX:TieredStopAtLevel=1";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    @Test
    void fiveHundredPyTorchJobs() throws Exception {
        int jobs = Integer.getInteger("bench.jobs", 500);
        assertThat(APP).as("package the operator first (./mvnw -B package -DskipTests -pl training-operator)").exists();
        var server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        Process operator = null;
        try {
            KubernetesClient client = server.getClient();
            applyCrds(client);
            Path log = Path.of("target", "benchmark-operator.log");
            operator = startOperator(client.getMasterUrl().toString(), log);
            awaitReady(operator, log);
            long pid = operator.pid();
            long baseline = rssKb(pid);

            PyTorchJob template = Fixtures.conformanceJob("kubeflow.org-pytorchjob", "pytorch-simple.yaml",
                    PyTorchJob.class);
            template.getSpec().getPytorchReplicaSpecs().get("Worker").setReplicas(3);
            template.getSpec().runPolicy(new RunPolicy());
            long operatorCpuBefore = cpuMillis(operator);
            long harnessCpuBefore = harnessCpuMillis();
            long start = System.nanoTime();
            createAll(client, template, jobs);
            long created = System.nanoTime();
            long[] peakSample = { baseline };
            String selector = Labels.OPERATOR_NAME + "=pytorchjob-controller";
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                peakSample[0] = Math.max(peakSample[0], rssKb(pid));
                int pods = client.pods().inNamespace(NAMESPACE).withLabel(selector).list().getItems().size();
                int services = client.services().inNamespace(NAMESPACE).withLabel(selector).list().getItems().size();
                return pods == jobs * 4 && services == jobs * 4;
            });
            long done = System.nanoTime();
            long settled = rssKb(pid);
            long hwm = statusKb(pid, "VmHWM");
            long operatorCpu = cpuMillis(operator) - operatorCpuBefore;
            long harnessCpu = harnessCpuMillis() - harnessCpuBefore;
            String report = String.format("""
                    training-operator benchmark: %d PyTorchJobs (1 Master + 3 Workers) on the fabric8 mock server (CRUD)
                      operator JVM args:             %s (env MALLOC_ARENA_MAX=2)
                      jobs created by the client in: %d ms
                      all %d pods and %d services in: %d ms (from the first create)
                      operator RSS before the jobs:  %d MB
                      operator RSS, max sampled:     %d MB
                      operator RSS when done:        %d MB
                      operator peak RSS (VmHWM):     %d MB
                      CPU used meanwhile, operator:  %d ms
                      CPU used meanwhile, mock server + client: %d ms
                      load average at the end:       %s
                    """, jobs, jvmArgs(), (created - start) / 1_000_000, jobs * 4, jobs * 4, (done - start) / 1_000_000,
                    baseline / 1024, peakSample[0] / 1024, settled / 1024, hwm / 1024, operatorCpu, harnessCpu,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark.txt"), report);
        } finally {
            if (operator != null) {
                operator.destroy();
                operator.waitFor();
            }
            server.after();
        }
    }

    private static void applyCrds(KubernetesClient client) throws IOException {
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".kubeflow.org-v1.yml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    client.resource(Serialization.unmarshal(in, CustomResourceDefinition.class)).create();
                }
            }
        }
    }

    private static String jvmArgs() {
        return System.getProperty("bench.jvm-args", DEFAULT_JVM_ARGS).trim();
    }

    private static Process startOperator(String masterUrl, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmArgs().isEmpty()) {
            command.addAll(List.of(jvmArgs().split("\\s+")));
        }
        command.addAll(List.of("-Dquarkus.http.port=0", "-Dquarkflow.training-operator.start=always", "-jar",
                APP.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KUBERNETES_MASTER", masterUrl);
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        env.put("KUBERNETES_NAMESPACE", "default");
        // glibc's per-thread malloc arenas otherwise hold tens of MB the JVM never asked for (usual container setting)
        env.put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    /** Waits for the operator's readiness check, which is UP once every informer has synced. */
    private static void awaitReady(Process operator, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(operator.isAlive()).as("operator exited; see " + log).isTrue();
            Optional<String> port = port(log);
            if (port.isEmpty()) {
                return false;
            }
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port.get() + "/q/health/ready")).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
    }

    private static Optional<String> port(Path log) throws IOException {
        Matcher matcher = LISTENING.matcher(Files.readString(log));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static void createAll(KubernetesClient client, PyTorchJob template, int jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String name = "job-" + i;
                futures.add(pool.submit(() -> {
                    PyTorchJob job = Serialization.clone(template);
                    job.getMetadata().setNamespace(NAMESPACE);
                    job.getMetadata().setName(name);
                    job.getMetadata().setUid(null);
                    return client.resource(job).create();
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long cpuMillis(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElseThrow();
    }

    private static long harnessCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                / 1_000_000;
    }

    private static long rssKb(long pid) throws IOException {
        return statusKb(pid, "VmRSS");
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}. */
    private static long statusKb(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith(field + ":")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElseThrow();
    }
}

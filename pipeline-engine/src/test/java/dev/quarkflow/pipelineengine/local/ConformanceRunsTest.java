package dev.quarkflow.pipelineengine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.protobuf.Value;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.pipelineengine.api.RunHandle;
import dev.quarkflow.pipelineengine.api.RunListener;
import dev.quarkflow.pipelineengine.api.RunRequest;
import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskKind;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.domain.Values;
import dev.quarkflow.proto.pipelinespec.ArtifactTypeSchema;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Runs the conformance corpus with the local backend and Quarkflow's Python runtime: every pipeline that can run
 * on this machine ends as upstream's test data says (SUCCEEDED, or FAILED for the {@code failing/} ones).
 */
class ConformanceRunsTest {

    /** Pipelines that cannot run offline on one machine, and why. Kept complete: see {@link #everyFileIsClassified}. */
    static final Map<String, String> NOT_RUNNABLE = Map.ofEntries(
            Map.entry("long-running.yaml", "sleeps 300 s by design"),
            Map.entry("container_io.yaml", "binary my_program from its image"),
            Map.entry("container_with_concat_placeholder.yaml", "binary my_program from its image"),
            Map.entry("container_with_placeholder_in_fstring.yaml", "binary my_program from its image"),
            Map.entry("container_with_artifact_output.yaml", "script run.sh from its image"),
            Map.entry("containerized_python_component.yaml", "component code lives in its image"),
            Map.entry("pipeline_with_importer_and_gcpc_types.yaml", "binary cmd from its image; remote gs:// input"),
            Map.entry("pipeline_with_various_io_types.yaml", "image entrypoint (no command)"),
            Map.entry("pipeline_with_volume.yaml", "Kubernetes PVC create/delete (argostub images)"),
            Map.entry("pipeline_with_volume_no_cache.yaml", "Kubernetes PVC create/delete (argostub images)"),
            Map.entry("critical/pipeline_with_volume_long_name.yaml", "Kubernetes PVC create/delete (argostub images)"),
            Map.entry("pvc_mount.yaml", "Kubernetes PVC mounted at /data"),
            Map.entry("pipeline_with_secret_as_volume.yaml", "Kubernetes secret mounted as a volume"),
            Map.entry("create_pod_metadata_complex.yaml", "Kubernetes pod labels/annotations via fieldPathAsEnv"),
            Map.entry("critical/pipeline_with_pod_metadata.yaml", "Kubernetes pod labels/annotations via fieldPathAsEnv"),
            Map.entry("pipeline_with_importer.yaml", "imports remote gs:// files"),
            Map.entry("sequential_v2.yaml", "binary gsutil and GCS"),
            Map.entry("xgboost_sample_pipeline.yaml", "network (curl) and bash-only `set -o pipefail` under sh"),
            Map.entry("pipeline_with_concat_placeholder.yaml", "bash-only `[[` under sh (dash)"),
            Map.entry("pipeline_with_condition_dynamic_task_output_custom_training_job.yaml",
                    "google_cloud_pipeline_components launcher from its image (Vertex AI)"),
            Map.entry("pipeline_with_dynamic_task_output_custom_training_job.yaml",
                    "google_cloud_pipeline_components launcher from its image (Vertex AI)"));

    /** Pipelines whose components import packages this machine lacks: they fail, naming them. */
    static final Map<String, String> MISSING_PACKAGES = Map.ofEntries(
            Map.entry("upload_download_compiled.yaml", "minio"),
            Map.entry("critical/notebook_component_simple.yaml", "nbclient"),
            Map.entry("notebook_component_mixed.yaml", "nbclient"),
            Map.entry("critical/pipeline_with_artifact_upload_download.yaml", "datasets"),
            Map.entry("essential/component_with_pip_index_urls.yaml", "yapf"),
            Map.entry("essential/component_with_pip_install.yaml", "yapf"),
            Map.entry("essential/component_with_pip_install_in_venv.yaml", "yapf"),
            Map.entry("essential/iris_pipeline_compiled.yaml", "pandas"),
            Map.entry("integration/ray_integration_compiled.yaml", "ray"),
            Map.entry("metrics_visualization_v2.yaml", "sklearn"),
            Map.entry("pipeline_with_google_artifact_type.yaml", "aiplatform"),
            Map.entry("pythonic_artifact_with_single_return.yaml", "dill"));

    /** Pipelines outside failing/ that fail by design (a task exits non-zero; exit handlers still run). */
    static final Set<String> FAIL_BY_DESIGN = Set.of("pipeline_with_task_final_status.yaml",
            "pipeline_with_task_using_ignore_upstream_failure.yaml",
            "local_execution/local_execution_pipeline_with_ignore_upstream_failure.yaml");

    /** Run parameters for pipelines whose root inputs have no defaults. */
    static final Map<String, Map<String, Value>> PARAMETERS = Map.ofEntries(
            Map.entry("container_io.yaml", Map.of("text", Values.of("hello"))),
            Map.entry("container_with_artifact_output.yaml", Map.of("num_epochs", Values.of(2))),
            Map.entry("container_with_concat_placeholder.yaml", Map.of("text1", Values.of("hello"))),
            Map.entry("containerized_python_component.yaml",
                    Map.of("message1", Values.of("a"), "message2", Values.of("b"))),
            Map.entry("critical/add_numbers.yaml", Map.of("a", Values.of(1), "b", Values.of(2))),
            Map.entry("essential/concat_message.yaml", Map.of("message1", Values.of("a"), "message2", Values.of("b"))),
            Map.entry("essential/dict_input.yaml", Map.of("struct", Values.struct(Map.of("a", Values.of(1))))),
            Map.entry("essential/lightweight_python_functions_pipeline.yaml", Map.of("message", Values.of("hi"))),
            Map.entry("local_execution/local_execution_pipeline_with_ignore_upstream_failure.yaml",
                    Map.of("marker_path", Values.of("marker.txt"))),
            Map.entry("local_execution/local_execution_pipeline_with_retry.yaml",
                    Map.of("counter_path", Values.of("counter.txt"))),
            Map.entry("pipeline_with_condition_dynamic_task_output_custom_training_job.yaml",
                    Map.of("location", Values.of("us"), "project", Values.of("p"))),
            Map.entry("pipeline_with_dynamic_task_output_custom_training_job.yaml",
                    Map.of("location", Values.of("us"), "project", Values.of("p"))),
            Map.entry("pipeline_with_metadata_fields.yaml", Map.of("string", Values.of("s"))),
            Map.entry("pipeline_with_parallelfor_parallelism.yaml",
                    Map.of("loop_parameter", Values.list(List.of(Values.of("a"), Values.of("b"))))),
            Map.entry("pipeline_with_parallelfor_pipeline_param.yaml", Map.of("loop_parameter",
                    Values.list(List.of(Values.of("a"), Values.of("b"))), "prefix", Values.of("p"))),
            Map.entry("pipeline_with_various_io_types.yaml", Map.of("input1", Values.of("x"))),
            Map.entry("pvc_mount.yaml", Map.of("pvc_name", Values.of("pvc"))),
            Map.entry("sequential_v1.yaml", Map.of("param1", Values.of("a"), "param2", Values.of("b"))),
            Map.entry("take_nap_compiled.yaml", Map.of("naptime_secs", Values.of(1))),
            Map.entry("take_nap_pipeline_root_compiled.yaml", Map.of("naptime_secs", Values.of(1))),
            Map.entry("upload_download_compiled.yaml",
                    Map.of("bucket_name", Values.of("b"), "mlpipeline_minio_artifact_secret", Values.of("s"))));

    /** Root input artifacts, made from files this test writes. */
    static final Map<String, List<String>> INPUT_ARTIFACTS = Map.of(
            "component_with_metadata_fields.yaml", List.of("dataset_a", "dataset_b"),
            "input_artifact.yaml", List.of("data"),
            "pipeline_with_metadata_fields.yaml", List.of("in_dataset"),
            "pipeline_with_various_io_types.yaml", List.of("input3"));

    @TempDir
    static Path dataDir;
    static LocalRunEngine engine;

    static final Map<String, RunHandle> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** All runs start at once (the engine bounds the processes); each test then checks its own run. */
    @BeforeAll
    static void startEngineAndRuns() throws IOException {
        engine = new LocalRunEngine(LocalEngineConfig.defaults(dataDir).withMaxParallelTasks(4)
                .withTaskTimeout(Duration.ofSeconds(60)));
        for (String file : runnable()) {
            CompiledPipeline pipeline = CompiledPipeline
                    .parse(Files.readString(SharedFixtures.conformance("kfp").resolve(file)));
            RunRequest request = new RunRequest("run-" + file.replaceAll("[^a-z0-9]+", "-"), file, pipeline,
                    PARAMETERS.getOrDefault(file, Map.of()), inputArtifacts(file), null, false, null);
            RUNS.put(file, engine.start(request, RunListener.NONE));
        }
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    static List<String> corpus() {
        Path root = SharedFixtures.conformance("kfp");
        return SharedFixtures.conformanceFiles("kfp", ".yaml").stream().map(p -> root.relativize(p).toString())
                .toList();
    }

    static List<String> runnable() {
        return corpus().stream().filter(f -> !NOT_RUNNABLE.containsKey(f)).toList();
    }

    @ParameterizedTest
    @MethodSource("runnable")
    void runsToTheExpectedEnd(String file) throws Exception {
        RunHandle run = RUNS.get(file);

        RunState end = run.completion().get(240, TimeUnit.SECONDS);

        boolean fails = file.startsWith("failing/") || FAIL_BY_DESIGN.contains(file) || MISSING_PACKAGES.containsKey(file);
        assertThat(end).as("%s: %s%n%s", file, run.error().orElse(""), describe(run))
                .isEqualTo(fails ? RunState.FAILED : RunState.SUCCEEDED);
        if (MISSING_PACKAGES.containsKey(file)) {
            assertThat(run.error()).get().asString().contains("needs Python packages that are not installed here")
                    .contains(MISSING_PACKAGES.get(file));
        }
    }

    @Test
    void manyRunsAtOnce_stayWithinTheEngineParallelismLimit() throws Exception {
        for (RunHandle run : RUNS.values()) {
            run.completion().get(240, TimeUnit.SECONDS);
        }

        assertThat(engine.peakProcesses()).isBetween(2, 4);
    }

    @Test
    void everyFileIsClassified() {
        assertThat(corpus()).containsAll(NOT_RUNNABLE.keySet());
        assertThat(runnable().size() + NOT_RUNNABLE.size()).isEqualTo(corpus().size());
    }

    private static Map<String, List<RuntimeArtifact>> inputArtifacts(String file) throws IOException {
        Map<String, List<RuntimeArtifact>> artifacts = new java.util.LinkedHashMap<>();
        for (String name : INPUT_ARTIFACTS.getOrDefault(file, List.of())) {
            Path data = Files.writeString(Files.createDirectories(dataDir.resolve("inputs")).resolve(name),
                    "a,b\n1,2\n");
            artifacts.put(name, List.of(RuntimeArtifact.newBuilder().setName(name).setUri(data.toString())
                    .setType(ArtifactTypeSchema.newBuilder().setSchemaTitle("system.Dataset").setSchemaVersion("0.0.1"))
                    .build()));
        }
        return artifacts;
    }

    static String describe(RunHandle run) {
        return run.tasks().stream().filter(t -> t.kind() == TaskKind.CONTAINER || t.error() != null)
                .map(t -> t.taskId() + " " + t.state() + (t.error() == null ? "" : " " + t.error())
                        + run.logs(t.taskId()).map(l -> "\n    " + l.readStderr().strip().replace("\n", "\n    "))
                                .filter(s -> s.trim().length() > 0).orElse(""))
                .collect(Collectors.joining("\n"));
    }

    static Set<String> containerTaskNames(List<TaskSnapshot> tasks) {
        return tasks.stream().filter(t -> t.kind() == TaskKind.CONTAINER).map(TaskSnapshot::taskName)
                .collect(Collectors.toSet());
    }
}

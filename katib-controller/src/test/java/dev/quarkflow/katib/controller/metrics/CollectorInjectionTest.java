package dev.quarkflow.katib.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.katib.controller.engine.ExperimentDefaults;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.engine.Json;
import dev.quarkflow.katib.controller.engine.TemplateSource;
import dev.quarkflow.katib.controller.engine.TrialFactory;
import dev.quarkflow.katib.controller.engine.TrialTemplates;
import dev.quarkflow.katib.controller.model.EarlyStoppingRule;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;

class CollectorInjectionTest {

    private static final CollectorInjection.Settings SETTINGS = new CollectorInjection.Settings(
            CollectorConfig.upstreamDefault(), "katib-db-manager.kubeflow:6789");
    /** Kinds whose pod templates are not PodTemplateSpecs in the workload object (their pods come from elsewhere). */
    private static final Set<String> WITHOUT_POD_TEMPLATES = Set.of("Workflow", "TrainJob");

    static List<Path> experiments() {
        return SharedFixtures.conformanceFiles("crs/kubeflow.org-experiment", ".yaml").stream()
                .filter(f -> !Set.of("hp-tuning-simple-pbt.yaml", "tekton-pipeline-run.yaml",
                        "trial-template-trial-configmap-source.yaml").contains(f.getFileName().toString()))
                .toList();
    }

    private static Trial trial(Path file) throws TrialTemplates.TemplateException {
        return trial(ExperimentDefaults.apply(ExperimentReader.read(file)));
    }

    private static Trial trial(Experiment experiment) throws TrialTemplates.TemplateException {
        Suggestion.TrialAssignment assignment = new Suggestion.TrialAssignment();
        assignment.name = experiment.name() + "-abcdefgh";
        assignment.parameterAssignments = experiment.spec.trialTemplate.trialParametersOrEmpty().stream()
                .filter(t -> !TrialTemplates.isMetadataReference(t.reference))
                .map(t -> new ParameterAssignment(t.reference, "7")).toList();
        Trial trial = TrialFactory.create(experiment, assignment, TemplateSource.none());
        trial.metadata.namespace = "team-a";
        return trial;
    }

    private static Trial trial(String file) throws TrialTemplates.TemplateException {
        return trial(SharedFixtures.conformance("crs/kubeflow.org-experiment").resolve(file));
    }

    /** Every pod template of the workload (objects with spec.containers). */
    private static List<JsonNode> podTemplates(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject() && node.path("spec").path("containers").isArray()) {
            found.add(node);
            return found;
        }
        node.forEach(child -> found.addAll(podTemplates(child)));
        return found;
    }

    private static JsonNode container(JsonNode template, String name) {
        for (JsonNode c : template.path("spec").path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void everyConformanceTrial_getsItsCollector_inItsPrimaryPodTemplates(Path file) throws Exception {
        Trial trial = trial(file);
        String kind = trial.spec.runSpec.path("kind").asText();
        if (WITHOUT_POD_TEMPLATES.contains(kind)) {
            assertThatThrownBy(() -> CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS))
                    .isInstanceOf(CollectorInjection.InjectionException.class).hasMessageStartingWith("spec.runSpec:");
            return;
        }
        String original = trial.spec.runSpec.toString();

        ObjectNode injected = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS);

        assertThat(trial.spec.runSpec.toString()).as("input unchanged").isEqualTo(original);
        assertThat(CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS)).as("deterministic")
                .isEqualTo(injected);
        List<JsonNode> templates = podTemplates(injected);
        List<JsonNode> withSidecar = templates.stream().filter(t -> t.path("spec").has("shareProcessNamespace"))
                .toList();
        assertThat(withSidecar).as(file.getFileName().toString()).isNotEmpty();
        String collectorKind = trial.spec.metricsCollector.kind();
        for (JsonNode template : templates) {
            assertThat(template.at("/metadata/labels/katib.kubeflow.org~1trial").asText()).isEqualTo(trial.name());
        }
        for (JsonNode template : withSidecar) {
            JsonNode primary = container(template, trial.spec.primaryContainerName);
            assertThat(primary).isNotNull();
            assertThat(primary.path("env").findValuesAsText("name")).contains("KATIB_TRIAL_NAME");
            JsonNode containers = template.path("spec").path("containers");
            JsonNode sidecar = containers.get(containers.size() - 1);
            assertThat(template.at("/spec/volumes").findValuesAsText("name")).contains("metrics-volume");
            assertThat(sidecar.path("volumeMounts").findValuesAsText("name")).containsExactly("metrics-volume");
            assertThat(primary.path("volumeMounts").findValuesAsText("name")).contains("metrics-volume");
            if (collectorKind.equals("Custom")) {
                assertThat(sidecar.path("name").asText()).isEqualTo("custom-metrics-logger-and-collector");
                continue;
            }
            assertThat(texts(sidecar.path("args"))).containsSequence("-t", trial.name()).containsSequence("-s-db",
                    "katib-db-manager.kubeflow:6789");
            assertThat(texts(primary.path("command"))).containsExactly("sh", "-c");
            assertThat(primary.path("args").get(0).asText()).endsWith("&& echo completed > "
                    + sidecar.at("/volumeMounts/0/mountPath").asText() + "/$$$$.pid");
        }
    }

    @Test
    void stdOut_job_isWrappedAndGetsUpstreamsArgs() throws Exception {
        Trial trial = trial("hp-tuning-random.yaml");

        JsonNode template = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS).at("/spec/template");

        JsonNode sidecar = container(template, "metrics-logger-and-collector");
        assertThat(texts(sidecar.path("args"))).containsExactly("-t", trial.name(), "-m", "loss", "-o-type", "minimize",
                "-s-db", "katib-db-manager.kubeflow:6789", "-path", "/var/log/katib/metrics.log", "-format", "TEXT");
        assertThat(sidecar.path("image").asText()).isEqualTo("ghcr.io/kubeflow/katib/file-metrics-collector:v0.19.0");
        assertThat(sidecar.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(sidecar.path("resources")).isEqualTo(Json.MAPPER.readTree("""
                {"requests": {"cpu": "50m", "ephemeral-storage": "500Mi", "memory": "10Mi"},
                 "limits": {"cpu": "500m", "ephemeral-storage": "5Gi", "memory": "100Mi"}}"""));
        assertThat(sidecar.path("volumeMounts")).isEqualTo(Json.MAPPER.readTree("""
                [{"name": "metrics-volume", "mountPath": "/var/log/katib"}]"""));
        assertThat(template.at("/spec/volumes")).isEqualTo(Json.MAPPER.readTree("""
                [{"name": "metrics-volume", "emptyDir": {}}]"""));
        assertThat(template.at("/spec/shareProcessNamespace").asBoolean()).isTrue();
        JsonNode primary = container(template, "training-container");
        assertThat(texts(primary.path("command"))).containsExactly("sh", "-c");
        assertThat(texts(primary.path("args"))).singleElement().asString()
                .startsWith("python3 /opt/pytorch-mnist/mnist.py --epochs=1 --batch-size=16 --lr=7 --momentum=7")
                .endsWith(" 1>/var/log/katib/metrics.log 2>&1 && echo completed > /var/log/katib/$$$$.pid");
        assertThat(primary.path("env")).isEqualTo(Json.MAPPER.readTree("""
                [{"name": "KATIB_TRIAL_NAME",
                  "valueFrom": {"fieldRef": {"fieldPath": "metadata.labels['katib.kubeflow.org/trial']"}}}]"""));
    }

    @Test
    void shellCommands_keepTheirShell_andEarlyStoppingAddsTheCheck() throws Exception {
        Trial trial = trial("hp-tuning-random.yaml");
        ObjectNode primary = (ObjectNode) trial.spec.runSpec.at("/spec/template/spec/containers/0");
        primary.putArray("command").add("bash").add("-c");
        primary.putArray("args").add("python3 train.py --lr=0.1");
        EarlyStoppingRule rule = new EarlyStoppingRule();
        rule.name = "loss";
        rule.value = "0.5";
        rule.comparison = "less";
        rule.startStep = 4;
        trial.spec.earlyStoppingRules = List.of(rule);

        JsonNode template = CollectorInjection.inject(trial, trial.spec.runSpec, new CollectorInjection.Settings(
                CollectorConfig.upstreamDefault(), "db:6789", "random-exp-medianstop.team-a:6788", null)).at("/spec/template");

        JsonNode wrapped = container(template, "training-container");
        assertThat(texts(wrapped.path("command"))).containsExactly("bash", "-c");
        assertThat(wrapped.path("args").get(0).asText()).isEqualTo("python3 train.py --lr=0.1"
                + " 1>/var/log/katib/metrics.log 2>&1 || if test -f /var/log/katib/$$$$.pid"
                + " && [ $(head -n 1 /var/log/katib/$$.pid) = early-stopped ]; then echo Training Container was Early"
                + " Stopped; else echo Training Container was Failed; exit 1; fi"
                + " && echo completed > /var/log/katib/$$$$.pid");
        assertThat(texts(container(template, "metrics-logger-and-collector").path("args")))
                .endsWith("-stop-rule", "loss;0.5;less;4", "-s-earlystop", "random-exp-medianstop.team-a:6788");
    }

    @Test
    void pytorchJob_injectsOnlyTheMaster() throws Exception {
        Trial trial = trial("kubeflow-training-operator-pytorchjob-mnist.yaml");

        JsonNode job = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS);

        JsonNode master = job.at("/spec/pytorchReplicaSpecs/Master/template");
        JsonNode worker = job.at("/spec/pytorchReplicaSpecs/Worker/template");
        assertThat(master.at("/spec/containers").findParents("image").stream().map(c -> c.path("name").asText()).toList())
                .containsExactly("pytorch",
                        "metrics-logger-and-collector");
        assertThat(worker.at("/spec/containers").findParents("image").stream().map(c -> c.path("name").asText()).toList())
                .containsExactly("pytorch");
        assertThat(worker.at("/spec/containers/0/env/0/name").asText()).isEqualTo("KATIB_TRIAL_NAME");
        assertThat(texts(worker.at("/spec/containers/0/command"))).startsWith("python3");
    }

    /**
     * A training-operator job from the conformance corpus as the trial's workload, with the defaulted primaryPodLabels
     * ({@code job-role: master}) and a Custom collector (so no command needs wrapping); every container is named
     * {@code main}.
     */
    private static Trial trialRunning(String trainingJob) throws Exception {
        Trial trial = trial("metrics-collector-custom-metrics-collector.yaml");
        ObjectNode job = (ObjectNode) Json.YAML.readTree(SharedFixtures.conformance("crs").resolve(trainingJob).toFile());
        job.with("metadata").put("name", trial.name());
        job.findParents("image").forEach(c -> ((ObjectNode) c).put("name", "main"));
        trial.spec.runSpec = job;
        trial.spec.primaryContainerName = "main";
        trial.spec.primaryPodLabels = Map.of("training.kubeflow.org/job-role", "master");
        return trial;
    }

    /** The replica types whose pod templates got the sidecar. */
    private static List<String> replicasWithSidecar(JsonNode job) {
        List<String> types = new ArrayList<>();
        job.path("spec").fields().forEachRemaining(specs -> {
            if (specs.getKey().endsWith("ReplicaSpecs")) {
                specs.getValue().fields().forEachRemaining(replica -> {
                    if (replica.getValue().at("/template/spec/shareProcessNamespace").asBoolean()) {
                        types.add(replica.getKey());
                    }
                });
            }
        });
        return types;
    }

    /** job-role: master as training-operator v1.9 sets it per kind; expected outcomes written from its IsMasterRole. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "kubeflow.org-tfjob/tensorflow-dist-mnist-tf-job-mnist.yaml | Chief",
            "kubeflow.org-tfjob/tensorflow-mnist-with-summaries-tf-job-mnist.yaml | Worker",
            "kubeflow.org-tfjob/tensorflow-simple.yaml | only [0] of the 2 Worker replicas",
            "kubeflow.org-pytorchjob/pytorch-simple.yaml | Master",
            "kubeflow.org-pytorchjob/pytorch-elastic-echo-echo.yaml | only [0] of the 2 Worker replicas",
            "kubeflow.org-xgboostjob/xgboost-xgboostjob.yaml | Master",
            "kubeflow.org-paddlejob/paddlepaddle-simple-cpu.yaml | no pod template",
            "kubeflow.org-jaxjob/jax-cpu-demo-demo.yaml | only [0] of the 2 Worker replicas",
            "kubeflow.org-mpijob/mpi-tensorflow-mnist.yaml | Launcher" })
    void jobRoleMaster_selectsThePodsTheTrainingOperatorLabels(String file, String expected) throws Exception {
        Trial trial = trialRunning(file);

        if (expected.startsWith("only")) {
            assertThatThrownBy(() -> CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS))
                    .isInstanceOf(CollectorInjection.InjectionException.class)
                    .hasMessageStartingWith("spec.primaryPodLabels: {training.kubeflow.org/job-role=master} select "
                            + expected.replace("only", "only the pods with replica index"));
        } else if (expected.equals("no pod template")) {
            assertThatThrownBy(() -> CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS))
                    .hasMessageStartingWith("spec.runSpec: no pod template of kind PaddleJob matches");
        } else {
            assertThat(replicasWithSidecar(CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS)))
                    .containsExactly(expected);
        }
    }

    @Test
    void workerZeroOnly_isFineForPush_andAWholeReplicaTypeGetsItOnEveryWorker() throws Exception {
        Trial push = trialRunning("kubeflow.org-tfjob/tensorflow-simple.yaml");
        push.spec.metricsCollector.collector.kind = "Push";
        Trial byType = trialRunning("kubeflow.org-tfjob/tensorflow-simple.yaml");
        byType.spec.primaryPodLabels = Map.of("training.kubeflow.org/replica-type", "worker");
        Trial byIndex = trialRunning("kubeflow.org-tfjob/tensorflow-simple.yaml");
        byIndex.spec.primaryPodLabels = Map.of("training.kubeflow.org/replica-index", "1");

        JsonNode pushed = CollectorInjection.inject(push, push.spec.runSpec, SETTINGS);
        JsonNode typed = CollectorInjection.inject(byType, byType.spec.runSpec, SETTINGS);

        assertThat(replicasWithSidecar(pushed)).isEmpty();
        assertThat(pushed.at("/spec/tfReplicaSpecs/Worker/template/spec/containers/0/env/0/name").asText())
                .isEqualTo("KATIB_TRIAL_NAME");
        assertThat(replicasWithSidecar(typed)).containsExactly("Worker");
        assertThatThrownBy(() -> CollectorInjection.inject(byIndex, byIndex.spec.runSpec, SETTINGS))
                .hasMessageContaining("only the pods with replica index [1] of the 2 Worker replicas of TFJob");
    }

    @Test
    void templateLabels_count_andTheOperatorsLabelsWinOverThem() throws Exception {
        Trial labelled = trialRunning("kubeflow.org-pytorchjob/pytorch-simple.yaml");
        ((ObjectNode) labelled.spec.runSpec.at("/spec/pytorchReplicaSpecs/Worker/template")).with("metadata")
                .with("labels").put("role", "trainer").put("training.kubeflow.org/replica-type", "master");
        labelled.spec.primaryPodLabels = Map.of("role", "trainer");
        Trial overridden = trialRunning("kubeflow.org-pytorchjob/pytorch-simple.yaml");
        overridden.spec.runSpec = labelled.spec.runSpec;
        overridden.spec.primaryPodLabels = Map.of("training.kubeflow.org/replica-type", "master");

        assertThat(replicasWithSidecar(CollectorInjection.inject(labelled, labelled.spec.runSpec, SETTINGS)))
                .containsExactly("Worker");
        assertThat(replicasWithSidecar(CollectorInjection.inject(overridden, overridden.spec.runSpec, SETTINGS)))
                .as("the operator sets replica-type worker over the template's label").containsExactly("Master");
    }

    @Test
    void tfJob_tensorFlowEvent_mountsTheDirectory_withTheTfEventImage() throws Exception {
        Trial trial = trial("kubeflow-training-operator-tfjob-mnist-with-summaries.yaml");

        JsonNode template = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS)
                .at("/spec/tfReplicaSpecs/Worker/template");

        JsonNode sidecar = container(template, "metrics-collector");
        assertThat(sidecar.path("image").asText()).isEqualTo("ghcr.io/kubeflow/katib/tfevent-metrics-collector:v0.19.0");
        assertThat(sidecar.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(texts(sidecar.path("args"))).containsExactly("-t", trial.name(), "-m", "accuracy", "-o-type",
                "maximize", "-s-db", "katib-db-manager.kubeflow:6789", "-path", "/mnist-with-summaries-logs/test");
        assertThat(sidecar.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/mnist-with-summaries-logs/test");
        assertThat(container(template, "tensorflow").path("args").get(0).asText())
                .doesNotContain("1>").endsWith("&& echo completed > /mnist-with-summaries-logs/test/$$$$.pid");
    }

    @Test
    void custom_addsTheUsersContainer_unchanged_withoutWrapping() throws Exception {
        Trial trial = trial("metrics-collector-custom-metrics-collector.yaml");

        JsonNode template = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS).at("/spec/template");

        JsonNode sidecar = container(template, "custom-metrics-logger-and-collector");
        assertThat(texts(sidecar.path("args"))).containsExactly("-m", "accuracy", "-s",
                "katib-db-manager.kubeflow:6789", "-path", "/katib/mnist.log");
        assertThat(sidecar.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/katib");
        JsonNode primary = container(template, trial.spec.primaryContainerName);
        assertThat(texts(primary.path("command"))).doesNotContain("sh");
    }

    @Test
    void push_onlyLabelsThePodAndPassesTheTrialName() throws Exception {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read(SharedFixtures
                .conformance("crs/kubeflow.org-experiment").resolve("hp-tuning-random.yaml")));
        experiment.spec.metricsCollectorSpec.collector.kind = "Push";
        Trial trial = trial(experiment);

        JsonNode template = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS).at("/spec/template");

        assertThat(template.at("/spec/containers").findParents("image").stream().map(c -> c.path("name").asText()).toList())
                .containsExactly("training-container");
        assertThat(template.at("/spec").has("shareProcessNamespace")).isFalse();
        assertThat(template.at("/spec/containers/0/env/0/name").asText()).isEqualTo("KATIB_TRIAL_NAME");
        assertThat(template.at("/metadata/labels")).isEqualTo(Json.MAPPER.valueToTree(Map.of(
                "katib.kubeflow.org/experiment", "random", "katib.kubeflow.org/trial", trial.name())));
    }

    @Test
    void kindWithoutConfig_orContainerWithoutCommand_isRefusedWithTheReason() throws Exception {
        Trial trial = trial("hp-tuning-random.yaml");
        CollectorInjection.Settings tfOnly = new CollectorInjection.Settings(CollectorConfig.parse("""
                runtime:
                  metricsCollectors:
                    - {kind: TensorFlowEvent, image: tf:1}
                """), "db:6789");
        assertThatThrownBy(() -> CollectorInjection.inject(trial, trial.spec.runSpec, tfOnly))
                .hasMessage("katib-config: failed to find metrics collector config for kind: StdOut");

        ((ObjectNode) trial.spec.runSpec.at("/spec/template/spec/containers/0")).remove("command");
        assertThatThrownBy(() -> CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS))
                .hasMessageStartingWith("spec.primaryContainerName: container training-container has no command");
    }

    @Test
    void injectSecurityContext_copiesThePodsFirstContainerSecurityContext_intoTheSidecar() throws Exception {
        Trial trial = trial("hp-tuning-random.yaml");
        ((ObjectNode) trial.spec.runSpec.at("/spec/template/spec/containers/0")).putObject("securityContext")
                .put("runAsUser", 1000).put("runAsNonRoot", true);
        CollectorInjection.Settings injecting = new CollectorInjection.Settings(CollectorConfig.parse("""
                init:
                  controller:
                    injectSecurityContext: true
                runtime:
                  metricsCollectors:
                    - {kind: StdOut, image: collector:1}
                """), "db:6789");

        JsonNode on = CollectorInjection.inject(trial, trial.spec.runSpec, injecting).at("/spec/template");
        JsonNode off = CollectorInjection.inject(trial, trial.spec.runSpec, SETTINGS).at("/spec/template");

        assertThat(container(on, "metrics-logger-and-collector").path("securityContext"))
                .isEqualTo(Json.MAPPER.readTree("{\"runAsUser\": 1000, \"runAsNonRoot\": true}"));
        assertThat(container(off, "metrics-logger-and-collector").has("securityContext")).isFalse();
        assertThat(CollectorConfig.upstreamDefault().injectSecurityContext()).isFalse();
    }

    @Test
    void suggestionTrialDir_mountsTheSuggestionClaim_intoThePrimaryContainer_underExperimentAndTrial()
            throws Exception {
        Trial trial = trial("hp-tuning-simple-pbt.yaml");
        Experiment pbt = ExperimentReader.read(SharedFixtures.conformance("crs/kubeflow.org-experiment")
                .resolve("hp-tuning-simple-pbt.yaml"));
        CollectorInjection.SuggestionVolume volume = CollectorInjection.SuggestionVolume.of("simple-pbt-pbt",
                pbt.spec.algorithm);
        CollectorInjection.Settings settings = new CollectorInjection.Settings(CollectorConfig.upstreamDefault(),
                "db:6789", null, volume);

        JsonNode template = CollectorInjection.inject(trial, trial.spec.runSpec, settings).at("/spec/template");

        assertThat(volume).isEqualTo(new CollectorInjection.SuggestionVolume("simple-pbt-pbt",
                "/var/log/katib/checkpoints/"));
        assertThat(template.at("/spec/volumes")).isEqualTo(Json.MAPPER.readTree("""
                [{"name": "suggestion-volume", "persistentVolumeClaim": {"claimName": "simple-pbt-pbt"}},
                 {"name": "metrics-volume", "emptyDir": {}}]"""));
        JsonNode primary = container(template, trial.spec.primaryContainerName);
        assertThat(primary.path("volumeMounts").get(0)).isEqualTo(Json.MAPPER.readTree("""
                {"name": "suggestion-volume", "mountPath": "/var/log/katib/checkpoints/",
                 "subPath": "simple-pbt/%s"}""".formatted(trial.name())));
        assertThat(container(template, "metrics-logger-and-collector").path("volumeMounts")
                .findValuesAsText("name")).containsExactly("metrics-volume");
        assertThat(CollectorInjection.SuggestionVolume.of("random-random", ExperimentReader.read(SharedFixtures
                .conformance("crs/kubeflow.org-experiment").resolve("hp-tuning-random.yaml")).spec.algorithm))
                .as("no suggestion_trial_dir, no volume").isNull();
    }

    @Test
    void katibConfig_appliesUpstreamsDefaults_andNegativeQuantitiesRemoveAResource() throws Exception {
        CollectorConfig config = CollectorConfig.parse("""
                apiVersion: config.kubeflow.org/v1beta1
                kind: KatibConfig
                runtime:
                  metricsCollectors:
                    - kind: StdOut
                      image: my/collector:1
                      imagePullPolicy: Sometimes
                      waitAllProcesses: false
                      resources:
                        limits: {cpu: "-1", memory: 200Mi, nvidia.com/gpu: "1"}
                """);

        CollectorConfig.Entry entry = config.entry("StdOut").orElseThrow();
        assertThat(entry.imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(entry.waitAllProcesses()).isFalse();
        assertThat(entry.resources().path("limits")).isEqualTo(Json.MAPPER.readTree("""
                {"ephemeral-storage": "5Gi", "memory": "200Mi", "nvidia.com/gpu": "1"}"""));
        assertThatThrownBy(() -> CollectorConfig.parse("runtime: {metricsCollectors: [{kind: File}]}"))
                .hasMessageStartingWith("runtime.metricsCollectors[0].image: required value");
    }
}

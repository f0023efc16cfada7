package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.engine.ExperimentDefaults;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.engine.TemplateSource;
import dev.quarkflow.katib.controller.engine.TrialFactory;
import dev.quarkflow.katib.controller.model.AlgorithmSpec;
import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** The Trial reconciler on the fabric8 mock API server: the Job it creates carries the metrics collector. */
@QuarkusTest
@WithKubernetesTestServer(setup = ShippedCrds.class)
class TrialCollectorInjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    private void createTrial(String namespace, String experimentName, String metricsCollectorSpec) throws Exception {
        Experiment experiment = ExperimentDefaults.apply(ExperimentReader.read("""
                apiVersion: kubeflow.org/v1beta1
                kind: Experiment
                metadata: {name: %s, namespace: %s}
                spec:
                  objective: {type: maximize, objectiveMetricName: accuracy, additionalMetricNames: [loss]}
                  algorithm: {algorithmName: random}
                  metricsCollectorSpec: %s
                  parameters:
                    - {name: lr, parameterType: double, feasibleSpace: {min: "0.01", max: "0.1"}}
                  trialTemplate:
                    primaryContainerName: train
                    trialParameters: [{name: lr, reference: lr}]
                    trialSpec:
                      apiVersion: batch/v1
                      kind: Job
                      spec:
                        template:
                          spec:
                            containers:
                              - {name: train, image: train:1, command: [python3, train.py, "--lr=${trialParameters.lr}"]}
                            restartPolicy: Never
                """.formatted(experimentName, namespace, metricsCollectorSpec)));
        Suggestion.TrialAssignment assignment = new Suggestion.TrialAssignment();
        assignment.name = experimentName + "-trial";
        assignment.parameterAssignments = java.util.List.of(new ParameterAssignment("lr", "0.05"));
        Trial trial = TrialFactory.create(experiment, assignment, TemplateSource.none());
        trial.metadata.namespace = namespace;
        client.resource(Resources.convert(trial, TrialResource.class)).create();
    }

    @Test
    void createdJob_carriesTheSidecar_fromKatibConfig() throws Exception {
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("katib-config").withNamespace("kubeflow")
                .endMetadata().withData(Map.of("katib-config.yaml", """
                        apiVersion: config.kubeflow.org/v1beta1
                        kind: KatibConfig
                        runtime:
                          metricsCollectors:
                            - kind: StdOut
                              image: registry.example/file-metrics-collector:v9
                              waitAllProcesses: false
                        """)).build()).create();
        try {
            createTrial("team-i", "injected", "{collector: {kind: StdOut}}");

            Job job = await().atMost(WAIT).until(() -> client.batch().v1().jobs().inNamespace("team-i")
                    .withName("injected-trial").get(), j -> j != null);

            var pod = job.getSpec().getTemplate();
            assertThat(pod.getMetadata().getLabels()).containsEntry("katib.kubeflow.org/trial", "injected-trial")
                    .containsEntry("katib.kubeflow.org/experiment", "injected");
            assertThat(pod.getSpec().getShareProcessNamespace()).isTrue();
            assertThat(pod.getSpec().getVolumes()).singleElement()
                    .satisfies(v -> assertThat(v.getName() + ":" + (v.getEmptyDir() != null))
                            .isEqualTo("metrics-volume:true"));
            assertThat(pod.getSpec().getContainers()).extracting(Container::getName).containsExactly("train",
                    "metrics-logger-and-collector");
            Container sidecar = pod.getSpec().getContainers().get(1);
            assertThat(sidecar.getImage()).isEqualTo("registry.example/file-metrics-collector:v9");
            assertThat(sidecar.getArgs()).containsExactly("-t", "injected-trial", "-m", "accuracy;loss", "-o-type",
                    "maximize", "-s-db", "katib-db-manager.kubeflow:6789", "-path", "/var/log/katib/metrics.log",
                    "-format", "TEXT", "-w", "false");
            Container train = pod.getSpec().getContainers().get(0);
            assertThat(train.getCommand()).containsExactly("sh", "-c");
            assertThat(train.getArgs()).containsExactly("python3 train.py --lr=0.05 1>/var/log/katib/metrics.log 2>&1"
                    + " && echo completed > /var/log/katib/$$$$.pid");
            assertThat(train.getEnv()).singleElement().satisfies(env -> assertThat(
                    env.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.labels['katib.kubeflow.org/trial']"));
        } finally {
            client.configMaps().inNamespace("kubeflow").withName("katib-config").delete();
        }
    }

    @Test
    void suggestionWithSuggestionTrialDir_getsItsClaimMountedIntoTheTrialsPrimaryContainer() throws Exception {
        Suggestion suggestion = new Suggestion();
        suggestion.metadata.name = "pbt-like";
        suggestion.metadata.namespace = "team-k";
        suggestion.spec.algorithm = new AlgorithmSpec();
        suggestion.spec.algorithm.algorithmName = "pbt";
        suggestion.spec.algorithm.algorithmSettings = java.util.List.of(
                new AlgorithmSpec.Setting("suggestion_trial_dir", "/var/log/katib/checkpoints/"));
        client.resource(Resources.convert(suggestion, SuggestionResource.class)).create();

        createTrial("team-k", "pbt-like", "{collector: {kind: StdOut}}");

        Job job = await().atMost(WAIT).until(() -> client.batch().v1().jobs().inNamespace("team-k")
                .withName("pbt-like-trial").get(), j -> j != null);
        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).extracting(v -> v.getName() + ":"
                + (v.getPersistentVolumeClaim() == null ? "" : v.getPersistentVolumeClaim().getClaimName()))
                .containsExactly("suggestion-volume:pbt-like-pbt", "metrics-volume:");
        assertThat(pod.getContainers().get(0).getVolumeMounts()).first().satisfies(m -> assertThat(
                m.getName() + " " + m.getMountPath() + " " + m.getSubPath())
                .isEqualTo("suggestion-volume /var/log/katib/checkpoints/ pbt-like/pbt-like-trial"));
    }

    @Test
    void collectorWithoutConfig_failsTheTrial_namingTheKind_andCreatesNoJob() throws Exception {
        createTrial("team-j", "no-image",
                "{collector: {kind: PrometheusMetric}}");

        await().atMost(WAIT).untilAsserted(() -> {
            TrialResource trial = client.resources(TrialResource.class).inNamespace("team-j")
                    .withName("no-image-trial").get();
            assertThat(trial.getStatus()).isNotNull();
            assertThat(trial.getStatus().condition("Failed")).isPresent();
            Condition failed = trial.getStatus().condition("Failed").get();
            assertThat(failed.reason).isEqualTo("TrialFailed. Job reason: MetricsCollectorInjectionFailed");
            assertThat(failed.message)
                    .endsWith("katib-config: failed to find metrics collector config for kind: PrometheusMetric");
        });
        assertThat(client.batch().v1().jobs().inNamespace("team-j").list().getItems()).isEmpty();
    }
}

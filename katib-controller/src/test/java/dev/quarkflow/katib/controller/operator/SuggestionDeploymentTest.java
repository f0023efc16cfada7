package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.dbmanager.ObservationLogStore;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * Per-algorithm suggestion Deployments from katib-config and the resume policies, on the fabric8 mock API server; the
 * test plays kubelet (Deployment availability, Job conditions), the metrics collector, and cluster DNS.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = ShippedCrds.class)
@QuarkusTestResource(value = ClusterServicesResource.class, restrictToAnnotatedClass = true)
class SuggestionDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    KubernetesClient client;

    @Inject
    ObservationLogStore logs;

    @BeforeEach
    void katibConfig() {
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("katib-config").withNamespace("kubeflow")
                .endMetadata().withData(Map.of("katib-config.yaml", """
                        apiVersion: config.kubeflow.org/v1beta1
                        kind: KatibConfig
                        runtime:
                          suggestions:
                            - algorithmName: random
                              image: quarkflow/katib-suggestion:0.1.0
                          earlyStoppings:
                            - algorithmName: medianstop
                              image: quarkflow/katib-suggestion:0.1.0
                        """)).build()).createOr(c -> c.update());
    }

    private void create(String name, String namespace, String resumePolicy, int maxTrials, String extra) {
        client.resource(Resources.convert(ExperimentReader.read("""
                apiVersion: kubeflow.org/v1beta1
                kind: Experiment
                metadata: {name: %s, namespace: %s, labels: {team: ml}}
                spec:
                  objective: {type: minimize, objectiveMetricName: loss}
                  algorithm: {algorithmName: random}
                  resumePolicy: %s
                  parallelTrialCount: 2
                  maxTrialCount: %d
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
                %s""".formatted(name, namespace, resumePolicy, maxTrials, extra)), ExperimentResource.class))
                .create();
    }

    private Deployment deployment(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    private void makeAvailable(String namespace, String name) {
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                    .build());
            return d;
        });
    }

    private void finishJobs(String namespace) {
        for (Job job : client.batch().v1().jobs().inNamespace(namespace).list().getItems()) {
            if (job.getStatus() != null && job.getStatus().getConditions() != null
                    && !job.getStatus().getConditions().isEmpty()) {
                continue;
            }
            logs.report(job.getMetadata().getName(), List.of(new MetricLog("2024-01-01T00:00:01Z", "loss", "0.5")));
            client.batch().v1().jobs().inNamespace(namespace).withName(job.getMetadata().getName()).editStatus(j -> {
                j.setStatus(new JobStatusBuilder().addNewCondition().withType("Complete").withStatus("True")
                        .endCondition().build());
                return j;
            });
        }
    }

    private ExperimentStatus status(String namespace, String name) {
        ExperimentStatus status = client.resources(ExperimentResource.class).inNamespace(namespace).withName(name)
                .get().getStatus();
        return status == null ? new ExperimentStatus() : status;
    }

    private List<String> suggestionConditions(String namespace, String name) {
        SuggestionResource suggestion = client.resources(SuggestionResource.class).inNamespace(namespace)
                .withName(name).get();
        return suggestion == null || suggestion.getStatus() == null || suggestion.getStatus().conditions == null
                ? List.of()
                : suggestion.getStatus().conditions.stream().map(c -> c.type + "=" + c.status + ":" + c.reason)
                        .toList();
    }

    private static boolean succeeded(ExperimentStatus status) {
        return status.conditions != null && status.conditions.stream()
                .anyMatch(c -> c.type.equals("Succeeded") && c.status.equals(Condition.TRUE));
    }

    @Test
    void never_deploysTheAlgorithm_asksItsService_andRemovesItWhenTheExperimentSucceeds() {
        create("deploy", "team-d1", "Never", 2, "  earlyStopping: {algorithmName: medianstop}");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(deployment("team-d1", "deploy-random")).isNotNull();
            assertThat(suggestionConditions("team-d1", "deploy"))
                    .contains("DeploymentReady=False:DeploymentNotReady");
        });
        Deployment deployment = deployment("team-d1", "deploy-random");
        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getKind() + "/" + ref.getName()).isEqualTo("Suggestion/deploy");
            assertThat(ref.getController()).isTrue();
        });
        assertThat(deployment.getMetadata().getLabels()).containsEntry("team", "ml")
                .containsEntry("katib.kubeflow.org/deployment", "deploy-random")
                .containsEntry("katib.kubeflow.org/experiment", "deploy");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactly("suggestion", "early-stopping");
        assertThat(client.services().inNamespace("team-d1").withName("deploy-random").get().getSpec().getPorts())
                .extracting(p -> p.getPort()).containsExactly(6789, 6788);
        assertThat(client.batch().v1().jobs().inNamespace("team-d1").list().getItems())
                .as("no suggestion is asked before the Deployment is available").isEmpty();

        makeAvailable("team-d1", "deploy-random");
        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-d1");
            assertThat(succeeded(status("team-d1", "deploy"))).isTrue();
            assertThat(suggestionConditions("team-d1", "deploy")).contains("Succeeded=True:SuggestionSucceeded",
                    "Running=False:SuggestionRunning", "DeploymentReady=True:DeploymentReady");
            assertThat(deployment("team-d1", "deploy-random")).isNull();
            assertThat(client.services().inNamespace("team-d1").withName("deploy-random").get()).isNull();
        });
        assertThat(ClusterServicesResource.SUGGESTIONS.requests).anySatisfy(
                r -> assertThat(r.getExperiment().getName()).isEqualTo("deploy"));
    }

    @Test
    void longRunning_keepsTheService_andRestartsWhenMaxTrialCountIsRaised() {
        create("keeps", "team-d2", "LongRunning", 2, "");
        await().atMost(WAIT).until(() -> deployment("team-d2", "keeps-random") != null);
        makeAvailable("team-d2", "keeps-random");
        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-d2");
            assertThat(succeeded(status("team-d2", "keeps"))).isTrue();
        });
        assertThat(deployment("team-d2", "keeps-random")).isNotNull();
        assertThat(suggestionConditions("team-d2", "keeps")).doesNotContain("Succeeded=True:SuggestionSucceeded");

        client.resources(ExperimentResource.class).inNamespace("team-d2").withName("keeps").edit(e -> {
            e.getSpec().maxTrialCount = 3;
            return e;
        });

        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-d2");
            ExperimentStatus status = status("team-d2", "keeps");
            assertThat(status.conditions).anySatisfy(c -> assertThat(c.type + "=" + c.status + ":" + c.reason)
                    .isEqualTo("Restarting=True:ExperimentRestarting"));
            assertThat(status.trials).isEqualTo(3);
            assertThat(succeeded(status)).isTrue();
        });
    }

    @Test
    void fromVolume_mountsAClaim_thatOutlivesTheDeployment_andRedeploysOnRestart() {
        create("vol", "team-d3", "FromVolume", 2, "");
        await().atMost(WAIT).until(() -> deployment("team-d3", "vol-random") != null);

        var claim = client.persistentVolumeClaims().inNamespace("team-d3").withName("vol-random").get();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> assertThat(ref.getKind()).isEqualTo("Suggestion"));
        Container suggestion = deployment("team-d3", "vol-random").getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        assertThat(suggestion.getVolumeMounts()).singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/opt/katib/data"));

        makeAvailable("team-d3", "vol-random");
        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-d3");
            assertThat(succeeded(status("team-d3", "vol"))).isTrue();
            assertThat(deployment("team-d3", "vol-random")).isNull();
        });
        assertThat(client.persistentVolumeClaims().inNamespace("team-d3").withName("vol-random").get()).isNotNull();
        assertThat(suggestionConditions("team-d3", "vol")).contains("Succeeded=True:SuggestionSucceeded");

        client.resources(ExperimentResource.class).inNamespace("team-d3").withName("vol").edit(e -> {
            e.getSpec().maxTrialCount = 3;
            return e;
        });

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(deployment("team-d3", "vol-random")).isNotNull();
            assertThat(suggestionConditions("team-d3", "vol")).contains("Running=False:Experiment is restarting")
                    .doesNotContain("Succeeded=True:SuggestionSucceeded");
        });
        makeAvailable("team-d3", "vol-random");
        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-d3");
            assertThat(status("team-d3", "vol").trials).isEqualTo(3);
            assertThat(succeeded(status("team-d3", "vol"))).isTrue();
            assertThat(deployment("team-d3", "vol-random")).isNull();
        });
    }
}

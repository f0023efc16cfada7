package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.dbmanager.ObservationLogStore;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** Early stopping on the fabric8 mock API server: the test plays the metrics collector by reporting logs. */
@QuarkusTest
@WithKubernetesTestServer(setup = ShippedCrds.class)
@QuarkusTestResource(value = EarlyStoppingServersResource.class, restrictToAnnotatedClass = true)
class EarlyStoppingReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NAMESPACE = "team-es";

    @Inject
    KubernetesClient client;

    @Inject
    ObservationLogStore logs;

    private static final String EXPERIMENT = """
            apiVersion: kubeflow.org/v1beta1
            kind: Experiment
            metadata: {name: stops, namespace: team-es}
            spec:
              objective: {type: minimize, objectiveMetricName: loss}
              algorithm: {algorithmName: random}
              earlyStopping:
                algorithmName: medianstop
                algorithmSettings: [{name: min_trials_required, value: "2"}]
              parallelTrialCount: 2
              maxTrialCount: 3
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
            """;

    private List<TrialResource> trials(String namespace) {
        return client.resources(TrialResource.class).inNamespace(namespace).list().getItems();
    }

    private boolean isEarlyStopped(String namespace, String trialName) {
        TrialResource trial = client.resources(TrialResource.class).inNamespace(namespace).withName(trialName).get();
        return trial != null && trial.getStatus() != null
                && trial.getStatus().condition(KatibNames.EARLY_STOPPED).map(c -> Condition.TRUE.equals(c.status))
                        .orElse(false);
    }

    /**
     * Plays the metrics collector and kubelet until the experiment succeeds: the first trial reports losses above the
     * rule and is left running, the others report low losses and complete. Returns the first trial's name.
     */
    private String runToMaxTrials(String namespace, String name) {
        Set<String> handled = new HashSet<>();
        Set<String> stopping = new HashSet<>();
        await().atMost(WAIT).untilAsserted(() -> {
            for (TrialResource trial : trials(namespace)) {
                String trialName = trial.getMetadata().getName();
                if (handled.contains(trialName)
                        || client.batch().v1().jobs().inNamespace(namespace).withName(trialName).get() == null) {
                    continue;
                }
                if (!stopping.isEmpty() && !isEarlyStopped(namespace, stopping.iterator().next())) {
                    // the next suggestion request must see the stopped trial: complete others only after it
                    continue;
                }
                handled.add(trialName);
                if (stopping.isEmpty()) {
                    stopping.add(trialName);
                    logs.report(trialName, List.of(new MetricLog("2024-01-01T00:00:01Z", "loss", "2.0"),
                            new MetricLog("2024-01-01T00:00:02Z", "loss", "1.5")));
                } else {
                    logs.report(trialName, List.of(new MetricLog("2024-01-01T00:00:01Z", "loss", "0.5"),
                            new MetricLog("2024-01-01T00:00:02Z", "loss", "0.4")));
                    client.batch().v1().jobs().inNamespace(namespace).withName(trialName).editStatus(j -> {
                        j.setStatus(new JobStatusBuilder().addNewCondition().withType("Complete").withStatus("True")
                                .endCondition().build());
                        return j;
                    });
                }
            }
            ExperimentStatus status = client.resources(ExperimentResource.class).inNamespace(namespace)
                    .withName(name).get().getStatus();
            assertThat(status).isNotNull();
            assertThat(status.conditions).anySatisfy(c -> assertThat(c.type + ":" + c.reason)
                    .isEqualTo("Succeeded:ExperimentMaxTrialsReached"));
        });
        return stopping.iterator().next();
    }

    @Test
    void aTrialWhoseBestLossStaysAboveTheRule_isStoppedAndMarkedEarlyStopped_andItsJobDeletedUnlessRetained() {
        client.resource(Resources.convert(ExperimentReader.read(EXPERIMENT), ExperimentResource.class)).create();
        client.resource(Resources.convert(ExperimentReader.read(EXPERIMENT.replace("name: stops, namespace: team-es",
                "name: keeps, namespace: team-es-retain").replace("    primaryContainerName: train",
                        "    retain: true\n    primaryContainerName: train")),
                ExperimentResource.class)).create();

        String stopped = runToMaxTrials(NAMESPACE, "stops");
        String retained = runToMaxTrials("team-es-retain", "keeps");

        ExperimentStatus status = client.resources(ExperimentResource.class).inNamespace(NAMESPACE).withName("stops")
                .get().getStatus();
        assertThat(status.trialsEarlyStopped).isEqualTo(1);
        assertThat(status.earlyStoppedTrialList).containsExactly(stopped);
        assertThat(status.trialsSucceeded).isEqualTo(2);
        TrialResource trial = client.resources(TrialResource.class).inNamespace(NAMESPACE).withName(stopped).get();
        assertThat(trial.getSpec().earlyStoppingRules).singleElement()
                .satisfies(r -> assertThat(r.name + ";" + r.value + ";" + r.comparison + ";" + r.startStep)
                        .isEqualTo("loss;1.0;greater;2"));
        assertThat(trial.getStatus().condition(KatibNames.EARLY_STOPPED)).hasValueSatisfying(c -> {
            assertThat(c.status).isEqualTo(Condition.TRUE);
            assertThat(c.reason).isEqualTo("TrialEarlyStopped");
        });
        assertThat(trial.getStatus().condition(KatibNames.RUNNING).map(c -> c.status)).contains(Condition.FALSE);
        assertThat(trial.getStatus().observation.metrics).singleElement()
                .satisfies(m -> assertThat(m.min + "/" + m.latest).isEqualTo("1.5/1.5"));
        await("the early-stopped trial's Job is deleted (no retain)").atMost(WAIT).untilAsserted(
                () -> assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName(stopped).get()).isNull());
        assertThat(EarlyStoppingServersResource.EARLY_STOPPING.validations).as("once per experiment").hasSize(2)
                .allSatisfy(v -> assertThat(v.getEarlyStopping().getAlgorithmSettings(0).getName())
                        .isEqualTo("min_trials_required"));
        assertThat(EarlyStoppingServersResource.EARLY_STOPPING.requests).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getDbManagerAddress()).isEqualTo("db-manager.test:6790"));
        List<GetEarlyStoppingRulesRequest> requests = EarlyStoppingServersResource.EARLY_STOPPING.requests.stream()
                .filter(r -> r.getExperiment().getName().equals("stops")).toList();
        assertThat(requests.get(requests.size() - 1).getTrialsList())
                .extracting(t -> t.getName() + ":" + t.getStatus().getCondition())
                .contains(stopped + ":EARLYSTOPPED");
        assertThat(isEarlyStopped("team-es-retain", retained)).isTrue();
        assertThat(client.batch().v1().jobs().inNamespace("team-es-retain").withName(retained).get())
                .as("retainRun keeps the early-stopped trial's Job (the stopped one's without retain is gone)")
                .isNotNull()
                .satisfies(job -> assertThat(job.getSpec().getSuspend()).as("its training stopped").isTrue());
        assertThat(client.batch().v1().jobs().inNamespace("team-es-retain").list().getItems())
                .filteredOn(job -> !job.getMetadata().getName().equals(retained))
                .as("the retained jobs of trials that were not stopped are not suspended").isNotEmpty()
                .allSatisfy(job -> assertThat(job.getSpec().getSuspend()).isNotEqualTo(Boolean.TRUE));
    }
}

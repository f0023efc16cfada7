package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.dbmanager.ObservationLogStore;
import dev.quarkflow.katib.controller.engine.ExperimentReader;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.metrics.MetricLog;
import dev.quarkflow.katib.controller.model.Condition;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * The reconcilers on the fabric8 mock API server (CRUD mode) with the shipped CRDs; the test plays kubelet and metrics
 * collector.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = ShippedCrds.class)
@QuarkusTestResource(value = SuggestionServerResource.class, restrictToAnnotatedClass = true)
class ExperimentReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Inject
    ObservationLogStore logs;

    /** Every Job the test finished, as it was before its trial completed (completed trials' Jobs are deleted). */
    private final Map<String, Job> finished = new ConcurrentHashMap<>();

    private static String experiment(String name, String namespace, String goal, int maxFailed) {
        return """
                apiVersion: kubeflow.org/v1beta1
                kind: Experiment
                metadata: {name: %s, namespace: %s}
                spec:
                  objective: {type: minimize, %s objectiveMetricName: loss}
                  algorithm: {algorithmName: random}
                  parallelTrialCount: 2
                  maxTrialCount: 3
                  maxFailedTrialCount: %d
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
                """.formatted(name, namespace, goal, maxFailed);
    }

    private void create(String yaml) {
        client.resource(Resources.convert(ExperimentReader.read(yaml), ExperimentResource.class)).create();
    }

    private ExperimentStatus status(String namespace, String name) {
        ExperimentResource resource = client.resources(ExperimentResource.class).inNamespace(namespace)
                .withName(name).get();
        return resource == null || resource.getStatus() == null ? new ExperimentStatus() : resource.getStatus();
    }

    private static List<String> conditions(ExperimentStatus status) {
        return status.conditions == null ? List.of()
                : status.conditions.stream().map(c -> c.type + "=" + c.status + ":" + c.reason).toList();
    }

    private List<Job> jobs(String namespace) {
        return client.batch().v1().jobs().inNamespace(namespace).list().getItems();
    }

    /** Finishes every unfinished Job: the collector reports {@code loss}, then the Job gets its condition. */
    private void finishJobs(String namespace, String type, String loss) {
        for (Job job : jobs(namespace)) {
            if (job.getStatus() != null && job.getStatus().getConditions() != null
                    && !job.getStatus().getConditions().isEmpty()) {
                continue;
            }
            finished.put(namespace + "/" + job.getMetadata().getName(), job);
            if (loss != null) {
                logs.report(job.getMetadata().getName(),
                        List.of(new MetricLog("2024-01-01T00:00:01Z", "loss", "0.9"),
                                new MetricLog("2024-01-01T00:00:02Z", "loss", loss)));
            }
            client.batch().v1().jobs().inNamespace(namespace).withName(job.getMetadata().getName()).editStatus(j -> {
                j.setStatus(new JobStatusBuilder().addNewCondition().withType(type).withStatus("True")
                        .withReason("Done").endCondition().build());
                return j;
            });
        }
    }

    @Test
    void runsThreeTrialsToSuccess_andSucceedsOnMaxTrials() {
        create(experiment("three", "team-a", "", 1));

        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-a", "Complete", "0.5");
            assertThat(conditions(status("team-a", "three"))).containsExactly("Created=True:ExperimentCreated",
                    "Running=False:ExperimentRunning", "Succeeded=True:ExperimentMaxTrialsReached");
        });

        ExperimentStatus status = status("team-a", "three");
        assertThat(status.trials).isEqualTo(3);
        assertThat(status.trialsSucceeded).isEqualTo(3);
        assertThat(status.currentOptimalTrial.bestTrialName).startsWith("three-");
        assertThat(status.currentOptimalTrial.observation.metrics).singleElement()
                .satisfies(m -> assertThat(m.min + "/" + m.max + "/" + m.latest).isEqualTo("0.5/0.9/0.5"));
        assertThat(finished.values()).filteredOn(job -> job.getMetadata().getNamespace().equals("team-a"))
                .hasSize(3).allSatisfy(job -> {
                    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().get(0))
                            .matches("python3 train.py --lr=0\\.\\d+ 1>/var/log/katib/metrics.log 2>&1 && .*");
                    assertThat(job.getMetadata().getOwnerReferences()).singleElement()
                            .satisfies(ref -> assertThat(ref.getKind()).isEqualTo("Trial"));
                });
        SuggestionResource suggestion = client.resources(SuggestionResource.class).inNamespace("team-a")
                .withName("three").get();
        assertThat(suggestion.getStatus().suggestionCount).isEqualTo(3);
        assertThat(client.resources(TrialResource.class).inNamespace("team-a").list().getItems())
                .allSatisfy(t -> assertThat(t.getStatus().condition(KatibNames.SUCCEEDED).map(Condition::isTrue))
                        .contains(true));
        await("completed trials' Jobs are deleted without retain").atMost(WAIT)
                .untilAsserted(() -> assertThat(jobs("team-a")).isEmpty());
    }

    @Test
    void retain_keepsTheJobsOfCompletedTrials() {
        create(experiment("kept", "team-g", "", 1).replace("    primaryContainerName: train",
                "    retain: true\n    primaryContainerName: train"));
        create(experiment("dropped", "team-h", "", 1));

        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-g", "Complete", "0.5");
            finishJobs("team-h", "Complete", "0.5");
            assertThat(conditions(status("team-g", "kept"))).contains("Succeeded=True:ExperimentMaxTrialsReached");
            assertThat(conditions(status("team-h", "dropped"))).contains("Succeeded=True:ExperimentMaxTrialsReached");
            assertThat(jobs("team-h")).as("the experiment without retain has its Jobs deleted").isEmpty();
        });

        assertThat(client.resources(TrialResource.class).inNamespace("team-g").list().getItems()).hasSize(3)
                .allSatisfy(t -> assertThat(t.getSpec().retainRun).isTrue());
        assertThat(jobs("team-g")).hasSize(3).allSatisfy(job -> assertThat(job.getStatus().getConditions())
                .singleElement().satisfies(c -> assertThat(c.getType()).isEqualTo("Complete")));
    }

    @Test
    void failedJobs_failTheExperiment_atMaxFailedTrialCount() {
        create(experiment("fails", "team-b", "", 1));

        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-b", "Failed", null);
            assertThat(conditions(status("team-b", "fails"))).contains("Failed=True:ExperimentFailed");
        });

        assertThat(status("team-b", "fails").failedTrialList).isNotEmpty();
    }

    @Test
    void reachingTheGoal_succeeds() {
        create(experiment("goal", "team-c", "goal: 0.1,", 1));

        await().atMost(WAIT).untilAsserted(() -> {
            finishJobs("team-c", "Complete", "0.05");
            assertThat(conditions(status("team-c", "goal"))).contains("Succeeded=True:ExperimentGoalReached");
        });
    }

    @Test
    void invalidExperiment_getsAFailedCondition_andNothingIsCreated() {
        create(experiment("invalid", "team-d", "", 5));

        await().atMost(WAIT).untilAsserted(() -> assertThat(status("team-d", "invalid").conditions)
                .anySatisfy(c -> {
                    assertThat(c.type).isEqualTo("Failed");
                    assertThat(c.message).contains("spec.maxFailedTrialCount");
                }));
        assertThat(client.resources(TrialResource.class).inNamespace("team-d").list().getItems()).isEmpty();
    }

    @Test
    void deletingTheExperiment_deletesItsTrialsSuggestionAndLogs() {
        create(experiment("gone", "team-e", "", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jobs("team-e")).hasSize(2));
        List<TrialResource> trials = client.resources(TrialResource.class).inNamespace("team-e").list().getItems();
        assertThat(trials).allSatisfy(t -> assertThat(t.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> assertThat(ref.getKind() + "/" + ref.getName()).isEqualTo("Experiment/gone")));
        String trial = trials.get(0).getMetadata().getName();
        logs.report(trial, List.of(new MetricLog("2024-01-01T00:00:01Z", "loss", "0.3")));

        client.resources(ExperimentResource.class).inNamespace("team-e").withName("gone").delete();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(client.resources(TrialResource.class).inNamespace("team-e").list().getItems()).isEmpty();
            assertThat(client.resources(SuggestionResource.class).inNamespace("team-e").list().getItems()).isEmpty();
            assertThat(jobs("team-e")).isEmpty();
            assertThat(logs.get(trial, null, null, null)).isEmpty();
        });
    }

    @Test
    void unknownFields_surviveTheMockServerAndTheReconcilers() {
        // fields no Katib version has, at the top of spec, inside a known object, and in the trial's workload
        String yaml = experiment("unknown", "team-f", "", 1)
                .replace("spec:\n  objective: {type: minimize,",
                        "spec:\n  quarkflowFutureField: {nested: [1, 2]}\n  objective: {futureKnob: knob-1, type: minimize,")
                .replace("      spec:\n        template:", "      spec:\n        futureJobField: kept\n        template:");
        client.genericKubernetesResources("kubeflow.org/v1beta1", "Experiment").inNamespace("team-f")
                .resource(client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class))
                .create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(jobs("team-f")).hasSize(2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(conditions(status("team-f", "unknown")))
                .contains("Running=True:ExperimentRunning"));

        GenericKubernetesResource stored = client.genericKubernetesResources("kubeflow.org/v1beta1", "Experiment")
                .inNamespace("team-f").withName("unknown").get();
        assertThat(stored.<Object> get("spec", "quarkflowFutureField", "nested")).isEqualTo(List.of(1, 2));
        assertThat(stored.<Object> get("spec", "objective", "futureKnob")).isEqualTo("knob-1");
        assertThat(stored.<Object> get("spec", "trialTemplate", "trialSpec", "spec", "futureJobField"))
                .isEqualTo("kept");
        assertThat(client.genericKubernetesResources("batch/v1", "Job").inNamespace("team-f").list().getItems())
                .allSatisfy(job -> assertThat(job.<Object> get("spec", "futureJobField")).isEqualTo("kept"));
    }
}

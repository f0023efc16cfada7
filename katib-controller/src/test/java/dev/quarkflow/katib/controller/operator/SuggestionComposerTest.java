package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.model.AlgorithmSpec;
import dev.quarkflow.katib.controller.model.Suggestion;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

class SuggestionComposerTest {

    private static final String CONFIG = """
            apiVersion: config.kubeflow.org/v1beta1
            kind: KatibConfig
            runtime:
              suggestions:
                - algorithmName: random
                  image: quarkflow/katib-suggestion:0.1.0
                  resources:
                    limits: {memory: 200Mi, ephemeral-storage: "-1"}
                - algorithmName: pbt
                  image: quarkflow/katib-suggestion:0.1.0
                  imagePullPolicy: Always
                  volumeMountPath: /data
                  persistentVolumeClaimSpec:
                    accessModes: [ReadWriteMany]
                    resources: {requests: {storage: 5Gi}}
                  persistentVolumeSpec:
                    hostPath: {path: /tmp/katib}
                  persistentVolumeLabels: {type: local}
                - algorithmName: clash
                  image: x
                  ports: [{name: suggestion-api, containerPort: 7000}]
                - algorithmName: noimage
              earlyStoppings:
                - algorithmName: medianstop
                  image: quarkflow/katib-suggestion:0.1.0
            """;

    private static final List<OwnerReference> OWNER = List.of(new OwnerReferenceBuilder().withApiVersion(
            "kubeflow.org/v1beta1").withKind("Suggestion").withName("demo").withUid("u-1").withController(true)
            .withBlockOwnerDeletion(true).build());

    private static Suggestion suggestion(String algorithm, String resumePolicy) {
        Suggestion suggestion = new Suggestion();
        suggestion.metadata.name = "demo";
        suggestion.metadata.namespace = "team";
        suggestion.metadata.labels = Map.of("owner", "ada");
        suggestion.spec.algorithm = new AlgorithmSpec();
        suggestion.spec.algorithm.algorithmName = algorithm;
        suggestion.spec.resumePolicy = resumePolicy;
        return suggestion;
    }

    @Test
    void deploymentAndService_carryUpstreamsNamesLabelsPortsAndOwner() {
        KatibConfig config = KatibConfig.parse(CONFIG);
        Suggestion suggestion = suggestion("random", "Never");

        Deployment deployment = SuggestionComposer.deployment(suggestion, config.suggestion("random"),
                config.earlyStopping("medianstop"), config.enableGrpcProbeInSuggestion(), OWNER);
        Service service = SuggestionComposer.service(suggestion, true, OWNER);

        assertThat(deployment.getMetadata().getName()).isEqualTo("demo-random");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(deployment.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "ada",
                "katib.kubeflow.org/deployment", "demo-random", "katib.kubeflow.org/experiment", "demo",
                "katib.kubeflow.org/suggestion", "demo"));
        assertThat(deployment.getMetadata().getOwnerReferences()).isEqualTo(OWNER);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getMetadata().getLabels());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("sidecar.istio.io/inject",
                "false");
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly("suggestion", "early-stopping");
        Container main = containers.get(0);
        assertThat(main.getImage()).isEqualTo("quarkflow/katib-suggestion:0.1.0");
        assertThat(main.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(main.getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getName() + ":" + p.getContainerPort()).isEqualTo("suggestion-api:6789"));
        assertThat(main.getResources().getRequests()).containsOnlyKeys("cpu", "memory", "ephemeral-storage");
        assertThat(main.getResources().getLimits().get("memory").toString()).isEqualTo("200Mi");
        assertThat(main.getResources().getLimits()).containsOnlyKeys("cpu", "memory");
        assertThat(main.getReadinessProbe().getGrpc().getService()).isEqualTo("manager.v1beta1.Suggestion");
        assertThat(main.getLivenessProbe().getPeriodSeconds()).isEqualTo(120);
        assertThat(main.getLivenessProbe().getFailureThreshold()).isEqualTo(12);
        assertThat(main.getVolumeMounts()).isNullOrEmpty();
        assertThat(containers.get(1).getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getName() + ":" + p.getContainerPort()).isEqualTo("earlystop-api:6788"));
        assertThat(service.getMetadata().getName()).isEqualTo("demo-random");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getMetadata().getLabels());
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("suggestion-api:6789", "earlystop-api:6788");
        assertThat(service.getMetadata().getOwnerReferences()).isEqualTo(OWNER);
        assertThat(SuggestionComposer.suggestionAddress(suggestion)).isEqualTo("demo-random.team:6789");
        assertThat(SuggestionComposer.earlyStoppingAddress(suggestion)).isEqualTo("demo-random.team:6788");
    }

    @Test
    void fromVolume_mountsAClaimOfTheSameName_atTheConfiguredPath_withItsVolume() {
        KatibConfig config = KatibConfig.parse(CONFIG);
        Suggestion suggestion = suggestion("pbt", "FromVolume");

        Deployment deployment = SuggestionComposer.deployment(suggestion, config.suggestion("pbt"), null, false,
                OWNER);
        PersistentVolumeClaim claim = SuggestionComposer.persistentVolumeClaim(suggestion, config.suggestion("pbt"),
                OWNER);
        var volume = SuggestionComposer.persistentVolume(suggestion, config.suggestion("pbt"));

        Container main = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(main.getImagePullPolicy()).isEqualTo("Always");
        assertThat(main.getReadinessProbe()).isNull();
        assertThat(main.getVolumeMounts()).singleElement()
                .satisfies(m -> assertThat(m.getName() + ":" + m.getMountPath()).isEqualTo("suggestion-volume:/data"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes()).singleElement()
                .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("demo-pbt"));
        assertThat(claim.getMetadata().getName()).isEqualTo("demo-pbt");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("5Gi");
        assertThat(claim.getSpec().getVolumeName()).isEqualTo("demo-pbt-team");
        assertThat(claim.getMetadata().getOwnerReferences()).isEqualTo(OWNER);
        assertThat(volume.getMetadata().getName()).isEqualTo("demo-pbt-team");
        assertThat(volume.getMetadata().getLabels()).containsEntry("type", "local");
        assertThat(volume.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Delete");
        assertThat(volume.getSpec().getHostPath().getPath()).isEqualTo("/tmp/katib");
    }

    @Test
    void fromVolume_withoutAClaimSpec_getsUpstreamsDefaultClaim_andDefaultPath() {
        KatibConfig config = KatibConfig.parse(CONFIG);
        Suggestion suggestion = suggestion("random", "FromVolume");

        PersistentVolumeClaim claim = SuggestionComposer.persistentVolumeClaim(suggestion,
                config.suggestion("random"), OWNER);
        Deployment deployment = SuggestionComposer.deployment(suggestion, config.suggestion("random"), null, true,
                OWNER);

        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("1Gi");
        assertThat(SuggestionComposer.persistentVolume(suggestion, config.suggestion("random"))).isNull();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                .singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/opt/katib/data"));
    }

    @Test
    void badConfigEntries_areRefusedWithUpstreamsMessages() {
        KatibConfig config = KatibConfig.parse(CONFIG);

        assertThatThrownBy(() -> config.suggestion("tpe")).isInstanceOf(KatibConfig.KatibConfigException.class)
                .hasMessage("failed to find suggestion config for algorithm tpe");
        assertThatThrownBy(() -> config.suggestion("noimage")).hasMessageContaining("required value for image");
        assertThatThrownBy(() -> SuggestionComposer.deployment(suggestion("clash", "Never"),
                config.suggestion("clash"), null, true, OWNER))
                .isInstanceOf(SuggestionComposer.InvalidSuggestionConfigException.class)
                .hasMessageContaining("suggestion-api");
        assertThatThrownBy(() -> KatibConfig.parse("runtime: [unclosed")).hasMessageContaining("katib-config.yaml");
    }
}

package dev.quarkflow.katib.controller.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarkflow.katib.controller.engine.Json;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.model.Suggestion;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * The per-experiment suggestion service as upstream's composer builds it (facts §1.5, §6.9, §7): a Deployment and a
 * ClusterIP Service named {@code <suggestion>-<algorithm>} in the experiment's namespace, labelled with the
 * Suggestion's labels plus {@code katib.kubeflow.org/deployment|experiment|suggestion}, owned by the Suggestion; the
 * suggestion container on 6789 ({@code suggestion-api}), an {@code early-stopping} container on 6788
 * ({@code earlystop-api}) when the experiment stops early; for {@code FromVolume} a PVC of the same name (and a PV
 * {@code <name>-<namespace>} when the config gives a PV spec) mounted at the config's path. Pure: no client here.
 */
public final class SuggestionComposer {

    public static final int SUGGESTION_PORT = 6789;
    public static final String SUGGESTION_PORT_NAME = "suggestion-api";
    public static final String SUGGESTION_CONTAINER = "suggestion";
    public static final int EARLY_STOPPING_PORT = 6788;
    public static final String EARLY_STOPPING_PORT_NAME = "earlystop-api";
    public static final String EARLY_STOPPING_CONTAINER = "early-stopping";
    public static final String LABEL_DEPLOYMENT = "katib.kubeflow.org/deployment";
    public static final String VOLUME_NAME = "suggestion-volume";
    public static final String DEFAULT_VOLUME_MOUNT_PATH = "/opt/katib/data";
    /** Katib's gRPC health service name, as the kubelet probes upstream's suggestion pods. */
    public static final String HEALTH_SERVICE = "manager.v1beta1.Suggestion";
    static final String ISTIO_INJECT = "sidecar.istio.io/inject";

    private SuggestionComposer() {
    }

    /** A katib-config entry that cannot be deployed; the message is upstream's. */
    public static final class InvalidSuggestionConfigException extends RuntimeException {
        public InvalidSuggestionConfigException(String message) {
            super(message);
        }
    }

    public static String name(Suggestion suggestion) {
        return suggestion.metadata.name + "-" + suggestion.spec.algorithm.algorithmName;
    }

    /** {@code <name>.<namespace>:6789}: where the controller asks this experiment's algorithm. */
    public static String suggestionAddress(Suggestion suggestion) {
        return name(suggestion) + "." + suggestion.metadata.namespace + ":" + SUGGESTION_PORT;
    }

    public static String earlyStoppingAddress(Suggestion suggestion) {
        return name(suggestion) + "." + suggestion.metadata.namespace + ":" + EARLY_STOPPING_PORT;
    }

    public static Map<String, String> labels(Suggestion suggestion) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (suggestion.metadata.labels != null) {
            labels.putAll(suggestion.metadata.labels);
        }
        labels.put(LABEL_DEPLOYMENT, name(suggestion));
        labels.put(KatibNames.LABEL_EXPERIMENT, suggestion.metadata.name);
        labels.put(KatibNames.LABEL_SUGGESTION, suggestion.metadata.name);
        return labels;
    }

    private static ObjectMeta metadata(String name, Suggestion suggestion, List<OwnerReference> owner) {
        return new ObjectMetaBuilder().withName(name).withNamespace(suggestion.metadata.namespace)
                .withLabels(labels(suggestion)).withOwnerReferences(owner).build();
    }

    /**
     * @param earlyStopping the early-stopping entry when the experiment has {@code earlyStopping}, else null
     * @param grpcProbes upstream's {@code enableGRPCProbeInSuggestion}: probes on 6789 unless the config has its own
     */
    public static Deployment deployment(Suggestion suggestion, KatibConfig.SuggestionConfig config,
            KatibConfig.EarlyStoppingConfig earlyStopping, boolean grpcProbes, List<OwnerReference> owner) {
        Container given = config.container();
        for (ContainerPort port : given.getPorts() == null ? List.<ContainerPort> of() : given.getPorts()) {
            if (SUGGESTION_PORT_NAME.equals(port.getName()) || Integer.valueOf(SUGGESTION_PORT)
                    .equals(port.getContainerPort())) {
                throw new InvalidSuggestionConfigException("invalid suggestion config for algorithm "
                        + config.algorithmName() + ": port name " + SUGGESTION_PORT_NAME + " and port "
                        + SUGGESTION_PORT + " are reserved");
            }
        }
        Container suggestionContainer = Json.MAPPER.convertValue(given, Container.class);
        if (suggestionContainer.getName() == null || suggestionContainer.getName().isEmpty()) {
            suggestionContainer.setName(SUGGESTION_CONTAINER);
        }
        List<ContainerPort> ports = new ArrayList<>(
                suggestionContainer.getPorts() == null ? List.of() : suggestionContainer.getPorts());
        ports.add(new ContainerPortBuilder().withName(SUGGESTION_PORT_NAME).withContainerPort(SUGGESTION_PORT).build());
        suggestionContainer.setPorts(ports);
        if (grpcProbes && suggestionContainer.getReadinessProbe() == null) {
            suggestionContainer.setReadinessProbe(probe(10, 10, null));
        }
        if (grpcProbes && suggestionContainer.getLivenessProbe() == null) {
            suggestionContainer.setLivenessProbe(probe(10, 120, 12));
        }
        boolean fromVolume = KatibNames.RESUME_FROM_VOLUME.equals(suggestion.spec.resumePolicy);
        if (fromVolume) {
            List<io.fabric8.kubernetes.api.model.VolumeMount> mounts = new ArrayList<>(
                    suggestionContainer.getVolumeMounts() == null ? List.of() : suggestionContainer.getVolumeMounts());
            mounts.add(new VolumeMountBuilder().withName(VOLUME_NAME).withMountPath(volumeMountPath(config)).build());
            suggestionContainer.setVolumeMounts(mounts);
        }
        List<Container> containers = new ArrayList<>(List.of(suggestionContainer));
        if (earlyStopping != null) {
            containers.add(new ContainerBuilder().withName(EARLY_STOPPING_CONTAINER).withImage(earlyStopping.image())
                    .withImagePullPolicy(earlyStopping.imagePullPolicy()).withResources(earlyStopping.resources())
                    .withPorts(new ContainerPortBuilder().withName(EARLY_STOPPING_PORT_NAME)
                            .withContainerPort(EARLY_STOPPING_PORT).build())
                    .build());
        }
        Map<String, String> podLabels = new LinkedHashMap<>(labels(suggestion));
        // upstream keeps istio sidecars out of suggestion pods
        podLabels.put(ISTIO_INJECT, "false");
        String name = name(suggestion);
        DeploymentBuilder deployment = new DeploymentBuilder().withMetadata(metadata(name, suggestion, owner))
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels(suggestion)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(podLabels).endMetadata()
                .withNewSpec().withContainers(containers).withServiceAccountName(config.serviceAccountName())
                .endSpec().endTemplate().endSpec();
        if (fromVolume) {
            deployment.editSpec().editTemplate().editSpec().addNewVolume().withName(VOLUME_NAME)
                    .withNewPersistentVolumeClaim().withClaimName(name).endPersistentVolumeClaim().endVolume()
                    .endSpec().endTemplate().endSpec();
        }
        return deployment.build();
    }

    private static Probe probe(int initialDelay, int period, Integer failureThreshold) {
        return new ProbeBuilder().withNewGrpc().withPort(SUGGESTION_PORT).withService(HEALTH_SERVICE).endGrpc()
                .withInitialDelaySeconds(initialDelay).withPeriodSeconds(period)
                .withFailureThreshold(failureThreshold).build();
    }

    public static Service service(Suggestion suggestion, boolean earlyStopping, List<OwnerReference> owner) {
        List<ServicePort> ports = new ArrayList<>(List.of(new ServicePortBuilder().withName(SUGGESTION_PORT_NAME)
                .withPort(SUGGESTION_PORT).withTargetPort(new IntOrString(SUGGESTION_PORT)).build()));
        if (earlyStopping) {
            ports.add(new ServicePortBuilder().withName(EARLY_STOPPING_PORT_NAME).withPort(EARLY_STOPPING_PORT)
                    .withTargetPort(new IntOrString(EARLY_STOPPING_PORT)).build());
        }
        return new ServiceBuilder().withMetadata(metadata(name(suggestion), suggestion, owner)).withNewSpec()
                .withType("ClusterIP").withSelector(labels(suggestion)).withPorts(ports).endSpec().build();
    }

    public static String volumeMountPath(KatibConfig.SuggestionConfig config) {
        return config.volumeMountPath() == null || config.volumeMountPath().isEmpty() ? DEFAULT_VOLUME_MOUNT_PATH
                : config.volumeMountPath();
    }

    /** FromVolume's claim: the config's spec, else upstream's default (ReadWriteOnce, 1Gi). */
    public static PersistentVolumeClaim persistentVolumeClaim(Suggestion suggestion,
            KatibConfig.SuggestionConfig config, List<OwnerReference> owner) {
        PersistentVolumeClaimSpec spec = config.persistentVolumeClaimSpec() != null
                ? Json.MAPPER.convertValue(config.persistentVolumeClaimSpec(), PersistentVolumeClaimSpec.class)
                : new PersistentVolumeClaimSpecBuilder().withAccessModes("ReadWriteOnce").withNewResources()
                        .addToRequests("storage", new Quantity("1Gi")).endResources().build();
        if (spec.getAccessModes() == null || spec.getAccessModes().isEmpty()) {
            spec.setAccessModes(List.of("ReadWriteOnce"));
        }
        if (spec.getResources() == null || spec.getResources().getRequests() == null
                || !spec.getResources().getRequests().containsKey("storage")) {
            spec.setResources(new io.fabric8.kubernetes.api.model.VolumeResourceRequirementsBuilder()
                    .addToRequests("storage", new Quantity("1Gi")).build());
        }
        if (config.persistentVolumeSpec() != null) {
            spec.setVolumeName(persistentVolumeName(suggestion));
        }
        return new PersistentVolumeClaimBuilder().withMetadata(metadata(name(suggestion), suggestion, owner))
                .withSpec(spec).build();
    }

    /** Only when the config gives a PV spec: {@code <name>-<namespace>}, reclaimed with the claim (Delete). */
    public static PersistentVolume persistentVolume(Suggestion suggestion, KatibConfig.SuggestionConfig config) {
        if (config.persistentVolumeSpec() == null) {
            return null;
        }
        PersistentVolume volume = new PersistentVolumeBuilder().withNewMetadata()
                .withName(persistentVolumeName(suggestion)).withLabels(config.persistentVolumeLabels())
                .endMetadata().withSpec(Json.MAPPER.convertValue(config.persistentVolumeSpec(),
                        io.fabric8.kubernetes.api.model.PersistentVolumeSpec.class))
                .build();
        volume.getSpec().setPersistentVolumeReclaimPolicy("Delete");
        return volume;
    }

    public static String persistentVolumeName(Suggestion suggestion) {
        return name(suggestion) + "-" + suggestion.metadata.namespace;
    }
}

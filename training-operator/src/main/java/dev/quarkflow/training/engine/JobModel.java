package dev.quarkflow.training.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.api.SchedulingPolicy;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Desired children of one defaulted job: the pod and headless service of each replica index, and the gang-scheduling
 * PodGroup. Pure: no client, no clock; the same input gives equal objects.
 */
public final class JobModel<J extends KubeflowJob<?>> {

    public static final String VOLCANO_API_VERSION = "scheduling.volcano.sh/v1beta1";
    public static final String SCHEDULER_PLUGINS_API_VERSION = "scheduling.x-k8s.io/v1alpha1";
    public static final String POD_GROUP_KIND = "PodGroup";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final FrameworkPlugin<J> plugin;
    private final JobView<J> view;

    public JobModel(FrameworkPlugin<J> plugin, JobView<J> view) {
        this.plugin = plugin;
        this.view = view;
    }

    public Pod pod(String replicaType, int index) {
        ReplicaSpec spec = view.specs().get(replicaType);
        PodTemplateSpec template = SERIALIZATION.clone(spec.getTemplate());
        ObjectMeta templateMeta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        Map<String, String> labels = new LinkedHashMap<>();
        if (templateMeta.getLabels() != null) {
            labels.putAll(templateMeta.getLabels());
        }
        labels.putAll(Children.replicaSelector(plugin.controllerName(), view.name(), replicaType, index));
        if (plugin.isMasterRole(view.specs(), replicaType, index)) {
            labels.put(Labels.JOB_ROLE, Labels.JOB_ROLE_MASTER);
        }
        ObjectMeta meta = Children.childMeta(view.job(), plugin.podName(view.name(), replicaType, index), labels);
        meta.setAnnotations(templateMeta.getAnnotations() == null ? null : new LinkedHashMap<>(templateMeta.getAnnotations()));
        meta.setFinalizers(templateMeta.getFinalizers());
        template.setMetadata(meta);
        template.getSpec().setRestartPolicy(RestartPolicies.podRestartPolicy(spec.getRestartPolicy()));
        plugin.decoratePod(view, replicaType, index, template);
        if (view.settings().gangScheduling()) {
            gangSchedule(template, replicaType);
        }
        var pod = new Pod();
        pod.setMetadata(template.getMetadata());
        pod.setSpec(template.getSpec());
        return pod;
    }

    private void gangSchedule(PodTemplateSpec template, String replicaType) {
        String scheduler = view.settings().gangSchedulerName().orElseThrow();
        if (template.getSpec().getSchedulerName() == null || template.getSpec().getSchedulerName().isEmpty()) {
            template.getSpec().setSchedulerName(scheduler);
        }
        ObjectMeta meta = template.getMetadata();
        if (view.settings().volcano()) {
            Map<String, String> annotations = meta.getAnnotations() == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(meta.getAnnotations());
            annotations.put(Labels.VOLCANO_GROUP_NAME, view.name());
            annotations.put(Labels.VOLCANO_TASK_SPEC, replicaType.toLowerCase(java.util.Locale.ROOT));
            meta.setAnnotations(annotations);
        } else {
            meta.getLabels().put(Labels.SCHEDULER_PLUGINS_POD_GROUP, view.name());
        }
    }

    /** The headless Service of one pod: same name, selected by the replica labels, the default container's ports. */
    public Service service(String replicaType, int index) {
        Map<String, String> selector = Children.replicaSelector(plugin.controllerName(), view.name(), replicaType, index);
        return new ServiceBuilder()
                .withMetadata(Children.childMeta(view.job(), plugin.podName(view.name(), replicaType, index), selector))
                .withNewSpec().withClusterIP("None").withSelector(selector).withPorts(servicePorts(replicaType))
                .endSpec().build();
    }

    private List<ServicePort> servicePorts(String replicaType) {
        Container container = defaultContainer(view.specs().get(replicaType));
        List<ServicePort> ports = new ArrayList<>();
        if (container == null || container.getPorts() == null) {
            return ports;
        }
        container.getPorts().stream().filter(p -> p.getName() != null).sorted(Comparator.comparing(ContainerPort::getName))
                .forEach(p -> ports.add(new ServicePortBuilder().withName(p.getName()).withPort(p.getContainerPort()).build()));
        return ports;
    }

    private Container defaultContainer(ReplicaSpec spec) {
        return spec.getTemplate().getSpec().getContainers().stream()
                .filter(c -> plugin.defaultContainerName().equals(c.getName())).findFirst().orElse(null);
    }

    /** The gang-scheduling PodGroup named after the job (Volcano or scheduler-plugins flavour). */
    public GenericKubernetesResource podGroup() {
        SchedulingPolicy policy = view.runPolicy().getSchedulingPolicy();
        int minMember = policy != null && policy.getMinAvailable() != null ? policy.getMinAvailable() : view.totalReplicas();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("minMember", minMember);
        Map<String, String> minResources = policy != null && policy.getMinResources() != null
                ? toStrings(policy.getMinResources())
                : requestsOfFirstPods(minMember);
        if (!minResources.isEmpty()) {
            spec.put("minResources", minResources);
        }
        var group = new GenericKubernetesResource();
        group.setKind(POD_GROUP_KIND);
        ObjectMeta meta = Children.childMeta(view.job(), view.name(), Map.of());
        meta.setAnnotations(view.job().getMetadata().getAnnotations());
        group.setMetadata(meta);
        if (view.settings().volcano()) {
            group.setApiVersion(VOLCANO_API_VERSION);
            spec.put("queue", policy != null && policy.getQueue() != null && !policy.getQueue().isEmpty() ? policy.getQueue()
                    : "default");
            if (policy != null && policy.getPriorityClass() != null && !policy.getPriorityClass().isEmpty()) {
                spec.put("priorityClassName", policy.getPriorityClass());
            }
        } else {
            group.setApiVersion(SCHEDULER_PLUGINS_API_VERSION);
            if (policy != null && policy.getScheduleTimeoutSeconds() != null) {
                spec.put("scheduleTimeoutSeconds", policy.getScheduleTimeoutSeconds());
            }
        }
        group.setAdditionalProperty("spec", spec);
        return group;
    }

    private Map<String, String> requestsOfFirstPods(int minMember) {
        Map<String, BigDecimal> sum = new TreeMap<>();
        int counted = 0;
        for (var entry : new TreeMap<>(view.specs()).entrySet()) {
            for (int i = 0; i < replicasOf(entry.getValue()) && counted < minMember; i++, counted++) {
                for (Container container : entry.getValue().getTemplate().getSpec().getContainers()) {
                    if (container.getResources() == null) {
                        continue;
                    }
                    Map<String, Quantity> amounts = container.getResources().getRequests() != null
                            && !container.getResources().getRequests().isEmpty() ? container.getResources().getRequests()
                                    : container.getResources().getLimits();
                    if (amounts != null) {
                        amounts.forEach((name, q) -> sum.merge(name, q.getNumericalAmount(), BigDecimal::add));
                    }
                }
            }
        }
        Map<String, String> result = new TreeMap<>();
        sum.forEach((name, amount) -> result.put(name, amount.stripTrailingZeros().toPlainString()));
        return result;
    }

    private static int replicasOf(ReplicaSpec spec) {
        return spec.getReplicas() == null ? 0 : spec.getReplicas();
    }

    private static Map<String, String> toStrings(Map<String, Quantity> quantities) {
        Map<String, String> result = new TreeMap<>();
        quantities.forEach((name, q) -> result.put(name, q.toString()));
        return result;
    }
}

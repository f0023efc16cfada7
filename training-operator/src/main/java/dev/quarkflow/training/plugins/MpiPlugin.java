package dev.quarkflow.training.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.training.api.MPIJob;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.engine.Children;
import dev.quarkflow.training.engine.FieldError;
import dev.quarkflow.training.engine.Framework;
import dev.quarkflow.training.engine.FrameworkPlugin;
import dev.quarkflow.training.engine.JobValidator;
import dev.quarkflow.training.engine.JobView;
import dev.quarkflow.training.engine.Labels;
import dev.quarkflow.training.engine.PodEnv;
import dev.quarkflow.training.engine.RestartPolicies;
import dev.quarkflow.training.engine.StatusEditor;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * MPIJob (v1): sleeping workers reached through {@code kubectl exec}, a launcher with the hostfile ConfigMap and an
 * RBAC role limited to exec into its workers; no Services. The launcher's fate is the job's.
 */
@ApplicationScoped
public class MpiPlugin implements FrameworkPlugin<MPIJob> {

    public static final String LAUNCHER = "Launcher";
    public static final String WORKER = "Worker";
    public static final String CONTAINER = "mpi";
    static final String CONFIG_VOLUME = "mpi-job-config";
    static final String KUBECTL_VOLUME = "mpi-job-kubectl";
    static final String CONFIG_MOUNT = "/etc/mpi";
    static final String KUBECTL_MOUNT = "/opt/kube";
    static final String HOSTFILE = "hostfile";
    static final String KUBEXEC = "kubexec.sh";
    static final String DISCOVER_HOSTS = "discover_hosts.sh";
    static final String EVICTED = "Evicted";
    private static final int EXECUTABLE = 0555;
    private static final int READ_ONLY = 0444;

    private static final Framework FRAMEWORK = new Framework("MPIJob", "mpijob-controller", "mpiReplicaSpecs", CONTAINER,
            "mpi-port", 9999,
            RestartPolicies.NEVER, List.of(LAUNCHER, WORKER));

    @Override
    public Framework framework() {
        return FRAMEWORK;
    }

    @Override
    public Class<MPIJob> jobType() {
        return MPIJob.class;
    }

    @Override
    public int defaultReplicas(String replicaType) {
        return WORKER.equals(replicaType) ? 0 : 1;
    }

    @Override
    public boolean injectsDefaultPort() {
        return false;
    }

    @Override
    public boolean requiresDefaultContainer() {
        return false;
    }

    @Override
    public boolean createsServices() {
        return false;
    }

    @Override
    public List<FieldError> validate(MPIJob job) {
        Map<String, ReplicaSpec> specs = job.getSpec().getMpiReplicaSpecs();
        List<FieldError> errors = new ArrayList<>(JobValidator.unknownTypes(this, specs));
        if (!specs.containsKey(LAUNCHER)) {
            errors.add(new FieldError("spec.mpiReplicaSpecs.Launcher", "must be required"));
        } else if (specs.get(LAUNCHER).getReplicas() != null && specs.get(LAUNCHER).getReplicas() != 1) {
            errors.add(new FieldError("spec.mpiReplicaSpecs.Launcher.replicas", "must be 1"));
        }
        return errors;
    }

    @Override
    public void applyKindDefaults(MPIJob job) {
        var spec = job.getSpec();
        // the legacy top-level cleanPodPolicy counts only when runPolicy has none; then both agree
        if (spec.getRunPolicy().getCleanPodPolicy() == null) {
            spec.getRunPolicy().setCleanPodPolicy(spec.getCleanPodPolicy());
        }
        if (spec.getSlotsPerWorker() == null) {
            spec.setSlotsPerWorker(1);
        }
    }

    @Override
    public String podName(String jobName, String replicaType, int index) {
        return LAUNCHER.equals(replicaType) ? jobName + "-launcher"
                : FrameworkPlugin.super.podName(jobName, replicaType, index);
    }

    @Override
    public boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index) {
        return LAUNCHER.equals(replicaType);
    }

    @Override
    public void decoratePod(JobView<MPIJob> view, String replicaType, int index, PodTemplateSpec pod) {
        String configMap = configMapName(view.name());
        Container first = pod.getSpec().getContainers().get(0);
        if (WORKER.equals(replicaType)) {
            if (first.getCommand() == null || first.getCommand().isEmpty()) {
                first.setCommand(List.of("sleep"));
                first.setArgs(List.of("365d"));
            }
            addMount(first, CONFIG_VOLUME, CONFIG_MOUNT);
            addVolume(pod, configVolume(configMap, List.of(item(KUBEXEC, EXECUTABLE))));
            return;
        }
        pod.getMetadata().getLabels().remove(Labels.REPLICA_INDEX);
        if (pod.getSpec().getServiceAccountName() == null || pod.getSpec().getServiceAccountName().isEmpty()) {
            pod.getSpec().setServiceAccountName(launcherName(view.name()));
        }
        List<Container> init = pod.getSpec().getInitContainers() == null ? new ArrayList<>()
                : new ArrayList<>(pod.getSpec().getInitContainers());
        init.add(new ContainerBuilder().withName("kubectl-delivery").withImage(view.settings().mpiKubectlDeliveryImage())
                .withImagePullPolicy("IfNotPresent")
                .withEnv(PodEnv.env("TARGET_DIR", KUBECTL_MOUNT), PodEnv.env("NAMESPACE", view.namespace()))
                .withNewResources().addToLimits(deliveryResources()).addToRequests(deliveryResources()).endResources()
                .withVolumeMounts(mount(KUBECTL_VOLUME, KUBECTL_MOUNT), mount(CONFIG_VOLUME, CONFIG_MOUNT)).build());
        pod.getSpec().setInitContainers(init);
        boolean gpu = launcherHasGpu(view);
        List<EnvVar> env = new ArrayList<>();
        env.add(PodEnv.env("OMPI_MCA_plm_rsh_agent", CONFIG_MOUNT + "/" + KUBEXEC));
        env.add(PodEnv.env("OMPI_MCA_orte_default_hostfile", CONFIG_MOUNT + "/" + HOSTFILE));
        if (!gpu) {
            // keeps the NVIDIA runtime from exposing GPUs to a launcher that asked for none
            env.add(PodEnv.env("NVIDIA_VISIBLE_DEVICES", ""));
            env.add(PodEnv.env("NVIDIA_DRIVER_CAPABILITIES", ""));
        }
        if (!hasEnv(first, "I_MPI_HYDRA_BOOTSTRAP")) {
            env.add(PodEnv.env("I_MPI_HYDRA_BOOTSTRAP", "rsh"));
            env.add(PodEnv.env("I_MPI_HYDRA_BOOTSTRAP_EXEC", CONFIG_MOUNT + "/" + KUBEXEC));
        }
        PodEnv.append(pod, c -> c == first, env);
        addMount(first, KUBECTL_VOLUME, KUBECTL_MOUNT);
        addMount(first, CONFIG_VOLUME, CONFIG_MOUNT);
        addVolume(pod, new VolumeBuilder().withName(KUBECTL_VOLUME).withNewEmptyDir().endEmptyDir().build());
        addVolume(pod, configVolume(configMap, List.of(item(KUBEXEC, EXECUTABLE), item(HOSTFILE, READ_ONLY),
                item(DISCOVER_HOSTS, EXECUTABLE))));
    }

    private static Map<String, Quantity> deliveryResources() {
        Map<String, Quantity> resources = new LinkedHashMap<>();
        resources.put("cpu", new Quantity("100m"));
        resources.put("memory", new Quantity("512Mi"));
        resources.put("ephemeral-storage", new Quantity("5Gi"));
        return resources;
    }

    private static boolean hasEnv(Container container, String name) {
        return container.getEnv() != null && container.getEnv().stream().anyMatch(e -> name.equals(e.getName()));
    }

    private static VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
    }

    private static void addMount(Container container, String volume, String path) {
        List<VolumeMount> mounts = container.getVolumeMounts() == null ? new ArrayList<>()
                : new ArrayList<>(container.getVolumeMounts());
        mounts.add(mount(volume, path));
        container.setVolumeMounts(mounts);
    }

    private static void addVolume(PodTemplateSpec pod, Volume volume) {
        List<Volume> volumes = pod.getSpec().getVolumes() == null ? new ArrayList<>()
                : new ArrayList<>(pod.getSpec().getVolumes());
        volumes.add(volume);
        pod.getSpec().setVolumes(volumes);
    }

    private static KeyToPath item(String key, int mode) {
        return new KeyToPath(key, mode, key);
    }

    private static Volume configVolume(String configMap, List<KeyToPath> items) {
        return new VolumeBuilder().withName(CONFIG_VOLUME).withNewConfigMap().withName(configMap).withItems(items)
                .endConfigMap().build();
    }

    static String configMapName(String jobName) {
        return jobName + "-config";
    }

    static String launcherName(String jobName) {
        return jobName + "-launcher";
    }

    private static boolean launcherHasGpu(JobView<MPIJob> view) {
        ReplicaSpec launcher = view.specs().get(LAUNCHER);
        return launcher.getTemplate().getSpec().getContainers().stream()
                .map(c -> c.getResources() == null ? null : c.getResources().getLimits()).filter(l -> l != null)
                .flatMap(l -> l.keySet().stream()).anyMatch(name -> name.endsWith(".com/gpu") || name.contains("gpu"));
    }

    @Override
    public List<Class<? extends HasMetadata>> extraChildTypes() {
        return List.of(ConfigMap.class, ServiceAccount.class, Role.class, RoleBinding.class);
    }

    @Override
    public List<HasMetadata> extraChildren(JobView<MPIJob> view) {
        String name = view.name();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", name);
        labels.put(Labels.OPERATOR_NAME, controllerName());
        String serviceAccount = Optional.ofNullable(view.specs().get(LAUNCHER).getTemplate().getSpec().getServiceAccountName())
                .filter(s -> !s.isEmpty()).orElse(launcherName(name));
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < view.replicas(WORKER); i++) {
            workers.add(podName(name, WORKER, i));
        }
        ConfigMap config = new ConfigMapBuilder().withMetadata(Children.childMeta(view.job(), configMapName(name), labels))
                .withData(configData(view, workers)).build();
        ServiceAccount account = new ServiceAccountBuilder()
                .withMetadata(Children.childMeta(view.job(), serviceAccount, labels)).build();
        Role role = new RoleBuilder().withMetadata(Children.childMeta(view.job(), launcherName(name), labels))
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch")
                        .build(),
                        new PolicyRuleBuilder().withApiGroups("").withResources("pods/exec").withVerbs("create")
                                .withResourceNames(workers).build())
                .build();
        RoleBinding binding = new RoleBindingBuilder()
                .withMetadata(Children.childMeta(view.job(), launcherName(name), labels)).withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(launcherName(name)).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(view.namespace())
                .endSubject().build();
        return List.of(config, account, role, binding);
    }

    private Map<String, String> configData(JobView<MPIJob> view, List<String> workers) {
        int slots = view.job().getSpec().getSlotsPerWorker();
        boolean gpu = launcherHasGpu(view);
        StringBuilder hostfile = new StringBuilder();
        if (gpu) {
            hostfile.append(launcherName(view.name())).append(" slots=").append(slots).append('\n');
        }
        workers.forEach(w -> hostfile.append(w).append(" slots=").append(slots).append('\n'));
        String container = view.job().getSpec().getMainContainer();
        String kubexec = "#!/bin/sh\nset -x\nPOD_NAME=$1\nshift\n" + KUBECTL_MOUNT + "/kubectl exec ${POD_NAME}"
                + (container == null || container.isEmpty() ? "" : " --container " + container) + " -- /bin/sh -c \"$*\"";
        StringBuilder discover = new StringBuilder("#!/bin/sh\n");
        if (gpu) {
            discover.append("echo ").append(launcherName(view.name())).append(':').append(slots).append('\n');
        }
        view.pods().stream().filter(p -> WORKER.toLowerCase().equals(Children.label(p, Labels.REPLICA_TYPE)))
                .filter(p -> Children.PHASE_RUNNING.equals(Children.phase(p))).map(p -> p.getMetadata().getName()).sorted()
                .forEach(p -> discover.append("echo ").append(p).append(':').append(slots).append('\n'));
        Map<String, String> data = new LinkedHashMap<>();
        data.put(HOSTFILE, hostfile.toString());
        data.put(KUBEXEC, kubexec);
        data.put(DISCOVER_HOSTS, discover.toString());
        return data;
    }

    @Override
    public void updateStatus(JobView<MPIJob> view, StatusEditor editor) {
        String id = view.namespace() + "/" + view.name();
        List<Pod> workers = view.pods().stream()
                .filter(p -> WORKER.toLowerCase().equals(Children.label(p, Labels.REPLICA_TYPE))).toList();
        long evicted = workers.stream().filter(p -> Children.PHASE_FAILED.equals(Children.phase(p))
                && EVICTED.equals(p.getStatus().getReason())).count();
        if (evicted > 0) {
            editor.failedWithReason(kind() + EVICTED, evicted + "/" + view.replicas(WORKER) + " workers are evicted");
            return;
        }
        Optional<Pod> launcher = view.pods().stream()
                .filter(p -> p.getMetadata().getName().equals(launcherName(view.name()))).findFirst();
        if (launcher.isEmpty()) {
            return;
        }
        String phase = Children.phase(launcher.get());
        if (Children.PHASE_SUCCEEDED.equals(phase)) {
            editor.succeeded(kind() + " " + id + " successfully completed.");
        } else if (Children.PHASE_FAILED.equals(phase)) {
            String podReason = launcher.get().getStatus().getReason();
            String reason = podReason == null || podReason.isEmpty() ? kind() + "Failed"
                    : EVICTED.equals(podReason) ? kind() + EVICTED : podReason;
            editor.failedWithReason(reason, kind() + " " + id + " has failed");
        } else if (Children.PHASE_RUNNING.equals(phase) && workers.size() == view.replicas(WORKER)
                && workers.stream().allMatch(p -> Children.PHASE_RUNNING.equals(Children.phase(p)))) {
            editor.running(kind() + " " + id + " is running.");
        }
    }
}

package dev.quarkflow.training.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.training.api.JobCondition;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.api.TFJob;
import dev.quarkflow.training.engine.Children;
import dev.quarkflow.training.engine.Conditions;
import dev.quarkflow.training.engine.FieldError;
import dev.quarkflow.training.engine.Framework;
import dev.quarkflow.training.engine.FrameworkPlugin;
import dev.quarkflow.training.engine.JobConditions;
import dev.quarkflow.training.engine.JobView;
import dev.quarkflow.training.engine.PodEnv;
import dev.quarkflow.training.engine.RestartPolicies;
import dev.quarkflow.training.engine.StatusEditor;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** TFJob: the TF_CONFIG cluster spec, Chief/Master or worker-0 success, and the dynamic-worker variant. */
@ApplicationScoped
public class TensorFlowPlugin implements FrameworkPlugin<TFJob> {

    public static final String CHIEF = "Chief";
    public static final String MASTER = "Master";
    public static final String PS = "PS";
    public static final String WORKER = "Worker";
    public static final String EVALUATOR = "Evaluator";
    public static final String CONTAINER = "tensorflow";
    public static final String PORT_NAME = "tfjob-port";
    public static final int PORT = 2222;
    static final String SUCCESS_POLICY_ALL_WORKERS = "AllWorkers";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private static final Framework FRAMEWORK = new Framework("TFJob", "tfjob-controller", "tfReplicaSpecs", CONTAINER,
            PORT_NAME, PORT,
            RestartPolicies.NEVER, List.of(CHIEF, EVALUATOR, MASTER, PS, WORKER));

    @Override
    public Framework framework() {
        return FRAMEWORK;
    }

    @Override
    public Class<TFJob> jobType() {
        return TFJob.class;
    }

    @Override
    public List<FieldError> validate(TFJob job) {
        // upstream's TF webhook leaves type names alone; it only allows one chief-like pod
        int chiefs = 0;
        for (var entry : job.getSpec().getTfReplicaSpecs().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(CHIEF) || entry.getKey().equalsIgnoreCase(MASTER)) {
                Integer replicas = entry.getValue().getReplicas();
                chiefs += replicas == null ? 1 : replicas;
            }
        }
        return chiefs > 1 ? List.of(new FieldError("spec.tfReplicaSpecs", "must not have more than 1 Chief or Master role"))
                : List.of();
    }

    @Override
    public void applyKindDefaults(TFJob job) {
        if (job.getSpec().getSuccessPolicy() == null) {
            job.getSpec().setSuccessPolicy("");
        }
    }

    private static boolean hasChiefOrMaster(Map<String, ReplicaSpec> specs) {
        return specs.containsKey(CHIEF) || specs.containsKey(MASTER);
    }

    @Override
    public boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index) {
        if (hasChiefOrMaster(specs)) {
            return CHIEF.equals(replicaType) || MASTER.equals(replicaType);
        }
        return WORKER.equals(replicaType) && index == 0;
    }

    @Override
    public void decoratePod(JobView<TFJob> view, String replicaType, int index, PodTemplateSpec pod) {
        if (view.totalReplicas() == 1) {
            return;
        }
        String tfConfig = JSON.asJson(Boolean.TRUE.equals(view.job().getSpec().getEnableDynamicWorker())
                ? sparseConfig(view, replicaType, index)
                : fullConfig(view, replicaType, index));
        PodEnv.append(pod, c -> CONTAINER.equals(c.getName()), List.of(PodEnv.env("TF_CONFIG", tfConfig)));
    }

    private Map<String, Object> fullConfig(JobView<TFJob> view, String replicaType, int index) {
        Map<String, Object> cluster = new TreeMap<>();
        view.specs().keySet().forEach(type -> cluster.put(type.toLowerCase(Locale.ROOT), hosts(view, type)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cluster", cluster);
        config.put("task", task(replicaType, index));
        config.put("environment", "cloud");
        return config;
    }

    /** enableDynamicWorker: a PS sees only itself; a worker sees every PS and only its own entry. */
    private Map<String, Object> sparseConfig(JobView<TFJob> view, String replicaType, int index) {
        Map<String, String> workers = new LinkedHashMap<>();
        List<String> ps = new ArrayList<>();
        if (PS.equals(replicaType)) {
            ps.add(hosts(view, PS).get(index));
        } else if (WORKER.equals(replicaType)) {
            ps.addAll(view.specs().containsKey(PS) ? hosts(view, PS) : List.of());
            workers.put(Integer.toString(index), hosts(view, WORKER).get(index));
        }
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("worker", workers);
        cluster.put("ps", ps);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cluster", cluster);
        config.put("task", task(replicaType, index));
        return config;
    }

    private static Map<String, Object> task(String replicaType, int index) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("type", replicaType.toLowerCase(Locale.ROOT));
        task.put("index", index);
        return task;
    }

    private List<String> hosts(JobView<TFJob> view, String type) {
        int port = PodEnv.port(view.specs().get(type), CONTAINER, PORT_NAME).orElse(PORT);
        Optional<String> domain = view.settings().clusterDomain();
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < view.replicas(type); i++) {
            String host = podName(view.name(), type, i) + "." + view.namespace() + ".svc" + domain.map(d -> "." + d).orElse("");
            hosts.add(host + ":" + port);
        }
        return hosts;
    }

    @Override
    public void updateStatus(JobView<TFJob> view, StatusEditor editor) {
        String id = view.namespace() + "/" + view.name();
        Optional<JobCondition> restarting = JobConditions.find(editor.status(), Conditions.RESTARTING);
        boolean chiefLed = hasChiefOrMaster(view.specs());
        for (String type : List.of(CHIEF, EVALUATOR, MASTER, PS, WORKER)) {
            if (!view.specs().containsKey(type)) {
                continue;
            }
            var counts = editor.counts(type);
            boolean allDone = view.replicas(type) - counts.getSucceeded() == 0;
            if (chiefLed && (CHIEF.equals(type) || MASTER.equals(type))) {
                if (counts.getActive() > 0) {
                    editor.running(kind() + " " + id + " is running.");
                }
                if (allDone) {
                    editor.succeeded(kind() + " " + id + " successfully completed.");
                }
            } else if (!chiefLed && WORKER.equals(type)) {
                boolean worker0Done = worker0Completed(view)
                        && !SUCCESS_POLICY_ALL_WORKERS.equals(view.job().getSpec().getSuccessPolicy());
                if (allDone || worker0Done) {
                    editor.succeeded(kind() + " " + id + " successfully completed.");
                } else if (counts.getActive() > 0) {
                    editor.running(kind() + " " + id + " is running.");
                }
            }
            if (counts.getFailed() > 0) {
                if (restarting.isPresent()) {
                    continue;
                }
                if (Boolean.TRUE.equals(view.job().getSpec().getEnableDynamicWorker()) && WORKER.equals(type)) {
                    continue;
                }
                editor.failed(kind() + " " + id + " has failed because " + counts.getFailed() + " " + type
                        + " replica(s) failed.");
            }
        }
    }

    private boolean worker0Completed(JobView<TFJob> view) {
        String name = podName(view.name(), WORKER, 0);
        return view.pods().stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst()
                .filter(p -> Children.PHASE_SUCCEEDED.equals(Children.phase(p)))
                .map((Pod p) -> Children.exitCode(p, CONTAINER) == 0).orElse(false);
    }
}

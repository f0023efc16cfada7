package dev.quarkflow.training.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.training.api.ElasticPolicy;
import dev.quarkflow.training.api.PyTorchJob;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.engine.FieldError;
import dev.quarkflow.training.engine.Framework;
import dev.quarkflow.training.engine.FrameworkPlugin;
import dev.quarkflow.training.engine.JobValidator;
import dev.quarkflow.training.engine.JobView;
import dev.quarkflow.training.engine.PodEnv;
import dev.quarkflow.training.engine.RestartPolicies;
import dev.quarkflow.training.engine.StatusEditor;
import dev.quarkflow.training.engine.StatusRules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;

/** PyTorchJob: torchrun's MASTER_ and PET_ variables, elastic rendezvous, and the init container that awaits the master. */
@ApplicationScoped
public class PyTorchPlugin implements FrameworkPlugin<PyTorchJob> {

    public static final String MASTER = "Master";
    public static final String WORKER = "Worker";
    public static final String CONTAINER = "pytorch";
    public static final String PORT_NAME = "pytorchjob-port";
    public static final int PORT = 23456;
    public static final String INIT_CONTAINER = "init-pytorch";
    static final String NPROC_AUTO = "auto";

    private static final Framework FRAMEWORK = new Framework("PyTorchJob", "pytorchjob-controller", "pytorchReplicaSpecs",
            CONTAINER, PORT_NAME, PORT,
            RestartPolicies.ON_FAILURE, List.of(MASTER, WORKER));

    @Override
    public Framework framework() {
        return FRAMEWORK;
    }

    @Override
    public Class<PyTorchJob> jobType() {
        return PyTorchJob.class;
    }

    @Override
    public boolean fillsSelector() {
        return true;
    }

    @Override
    public List<FieldError> validate(PyTorchJob job) {
        var spec = job.getSpec();
        Map<String, ReplicaSpec> specs = spec.getPytorchReplicaSpecs();
        List<FieldError> errors = new ArrayList<>(JobValidator.unknownTypes(this, specs));
        ReplicaSpec master = specs.get(MASTER);
        if (master != null && (master.getReplicas() == null || master.getReplicas() != 1)) {
            errors.add(new FieldError("spec.pytorchReplicaSpecs.Master.replicas", "must be 1"));
        }
        ReplicaSpec worker = specs.get(WORKER);
        if (worker != null && worker.getReplicas() != null && worker.getReplicas() < 1) {
            errors.add(new FieldError("spec.pytorchReplicaSpecs.Worker.replicas", "must be greater than or equal to 1"));
        }
        if (spec.getElasticPolicy() != null) {
            if (worker == null) {
                errors.add(new FieldError("spec.pytorchReplicaSpecs.Worker", "must be configured if elastic policy is used"));
            }
            if (spec.getElasticPolicy().getNProcPerNode() != null && spec.getNprocPerNode() != null) {
                errors.add(new FieldError("spec.elasticPolicy.nProcPerNode",
                        "must not be used with .spec.nprocPerNode, use .spec.nprocPerNode instead"));
            }
        }
        return errors;
    }

    @Override
    public void applyKindDefaults(PyTorchJob job) {
        var spec = job.getSpec();
        ElasticPolicy elastic = spec.getElasticPolicy();
        if (spec.getNprocPerNode() == null && (elastic == null || elastic.getNProcPerNode() == null)) {
            spec.setNprocPerNode(NPROC_AUTO);
        }
        if (elastic != null) {
            ReplicaSpec worker = spec.getPytorchReplicaSpecs().get(WORKER);
            ElasticDefaults.apply(elastic::getMinReplicas, elastic::setMinReplicas, elastic::getMaxReplicas,
                    elastic::setMaxReplicas, worker == null ? null : worker.getReplicas());
        }
    }

    @Override
    public boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index) {
        if (specs.containsKey(MASTER)) {
            return MASTER.equals(replicaType);
        }
        return WORKER.equals(replicaType) && index == 0;
    }

    @Override
    public void decoratePod(JobView<PyTorchJob> view, String replicaType, int index, PodTemplateSpec pod) {
        var spec = view.job().getSpec();
        int total = view.totalReplicas();
        boolean hasMaster = view.specs().containsKey(MASTER);
        List<EnvVar> env = new ArrayList<>();
        env.add(PodEnv.env("PYTHONUNBUFFERED", "1"));
        if (hasMaster) {
            // the webhook and defaulting guarantee the master's pytorch container has its named port
            String masterPort = String.valueOf(PodEnv.port(view.specs().get(MASTER), CONTAINER, PORT_NAME).orElse(PORT));
            String masterAddr = podName(view.name(), MASTER, 0);
            int rank = WORKER.equals(replicaType) ? index + 1 : index;
            env.add(PodEnv.env("MASTER_PORT", masterPort));
            env.add(PodEnv.env("PET_MASTER_PORT", masterPort));
            env.add(PodEnv.env("MASTER_ADDR", masterAddr));
            env.add(PodEnv.env("PET_MASTER_ADDR", masterAddr));
            env.add(PodEnv.env("WORLD_SIZE", Integer.toString(total * nprocPerNodeInt(spec.getNprocPerNode()))));
            env.add(PodEnv.env("RANK", Integer.toString(rank)));
            env.add(PodEnv.env("PET_NODE_RANK", Integer.toString(rank)));
        }
        if (spec.getNprocPerNode() != null) {
            env.add(PodEnv.env("PET_NPROC_PER_NODE", spec.getNprocPerNode()));
        }
        ElasticPolicy elastic = spec.getElasticPolicy();
        if (elastic != null) {
            env.addAll(elasticEnv(view, elastic));
        } else {
            env.add(PodEnv.env("PET_NNODES", Integer.toString(total)));
        }
        PodEnv.appendToAll(pod, env);
        if (hasMaster && WORKER.equals(replicaType)) {
            List<Container> init = pod.getSpec().getInitContainers() == null ? new ArrayList<>()
                    : new ArrayList<>(pod.getSpec().getInitContainers());
            init.add(initContainer(view, podName(view.name(), MASTER, 0)));
            pod.getSpec().setInitContainers(init);
        }
    }

    private List<EnvVar> elasticEnv(JobView<PyTorchJob> view, ElasticPolicy elastic) {
        List<EnvVar> env = new ArrayList<>();
        String host = elastic.getRdzvHost() != null ? elastic.getRdzvHost() : view.name() + "-worker-0";
        int port = elastic.getRdzvPort() != null ? elastic.getRdzvPort()
                : PodEnv.port(view.specs().get(WORKER), CONTAINER, PORT_NAME).orElse(PORT);
        env.add(PodEnv.env("PET_RDZV_ENDPOINT", host + ":" + port));
        env.add(PodEnv.env("PET_RDZV_BACKEND", elastic.getRdzvBackend() != null ? elastic.getRdzvBackend() : "c10d"));
        env.add(PodEnv.env("PET_NNODES", elastic.getMinReplicas() + ":" + elastic.getMaxReplicas()));
        if (elastic.getMaxRestarts() != null) {
            env.add(PodEnv.env("PET_MAX_RESTARTS", elastic.getMaxRestarts().toString()));
        }
        if (elastic.getNProcPerNode() != null) {
            env.add(PodEnv.env("PET_NPROC_PER_NODE", elastic.getNProcPerNode().toString()));
        }
        if (elastic.getRdzvId() != null) {
            env.add(PodEnv.env("PET_RDZV_ID", elastic.getRdzvId()));
        }
        if (elastic.getRdzvConf() != null && !elastic.getRdzvConf().isEmpty()) {
            env.add(PodEnv.env("PET_RDZV_CONF", elastic.getRdzvConf().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining(","))));
        }
        if (Boolean.TRUE.equals(elastic.getStandalone())) {
            env.add(PodEnv.env("PET_STANDALONE", ""));
        }
        return env;
    }

    private Container initContainer(JobView<PyTorchJob> view, String masterAddr) {
        int tries = view.settings().pytorchInitContainerMaxTries();
        String script = "err=1;for i in $(seq " + tries + "); do if nslookup " + masterAddr
                + "; then err=0 && break; fi;echo waiting for master; sleep 2; done; exit $err";
        return new ContainerBuilder().withName(INIT_CONTAINER).withImage(view.settings().pytorchInitContainerImage())
                .withImagePullPolicy("IfNotPresent").withNewResources()
                .addToLimits("cpu", new Quantity("100m")).addToLimits("memory", new Quantity("20Mi"))
                .addToRequests("cpu", new Quantity("50m")).addToRequests("memory", new Quantity("10Mi")).endResources()
                .withCommand("sh", "-c", script).build();
    }

    /** {@code auto}, {@code cpu}, {@code gpu} and anything unparsable count as one process per node. */
    static int nprocPerNodeInt(String nprocPerNode) {
        if (nprocPerNode == null) {
            return 1;
        }
        try {
            return Integer.parseInt(nprocPerNode);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void updateStatus(JobView<PyTorchJob> view, StatusEditor editor) {
        boolean hasMaster = view.specs().containsKey(MASTER);
        String name = view.name();
        for (String type : new java.util.TreeSet<>(view.specs().keySet())) {
            var counts = editor.counts(type);
            if (hasMaster && MASTER.equals(type)) {
                if (counts.getActive() > 0) {
                    editor.running(kind() + " " + name + " is running.");
                }
                if (StatusRules.allSucceeded(view, editor, type)) {
                    editor.succeeded(kind() + " " + name + " is successfully completed.");
                    return;
                }
            } else if (!hasMaster && WORKER.equals(type)) {
                boolean elasticDone = view.job().getSpec().getElasticPolicy() != null && counts.getSucceeded() > 0;
                if (StatusRules.allSucceeded(view, editor, type) || elasticDone) {
                    editor.succeeded(kind() + " " + view.namespace() + "/" + name + " successfully completed.");
                } else if (counts.getActive() > 0) {
                    editor.running(kind() + " " + view.namespace() + "/" + name + " is running.");
                }
            }
            StatusRules.restartOrFail(view, editor, kind(), type);
        }
    }
}

package dev.quarkflow.training.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.api.XGBoostJob;
import dev.quarkflow.training.engine.FieldError;
import dev.quarkflow.training.engine.Framework;
import dev.quarkflow.training.engine.FrameworkPlugin;
import dev.quarkflow.training.engine.JobValidator;
import dev.quarkflow.training.engine.JobView;
import dev.quarkflow.training.engine.PodEnv;
import dev.quarkflow.training.engine.RestartPolicies;
import dev.quarkflow.training.engine.StatusEditor;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** XGBoostJob: Rabit tracker variables (MASTER_ and WORKER_ addresses, ranks); the master decides the outcome. */
@ApplicationScoped
public class XGBoostPlugin implements FrameworkPlugin<XGBoostJob> {

    public static final String MASTER = "Master";
    public static final String WORKER = "Worker";
    public static final String CONTAINER = "xgboost";
    public static final String PORT_NAME = "xgboostjob-port";
    public static final int PORT = 9999;

    private static final Framework FRAMEWORK = new Framework("XGBoostJob", "xgboostjob-controller", "xgbReplicaSpecs",
            CONTAINER, PORT_NAME, PORT,
            RestartPolicies.NEVER, List.of(MASTER, WORKER));

    @Override
    public Framework framework() {
        return FRAMEWORK;
    }

    @Override
    public Class<XGBoostJob> jobType() {
        return XGBoostJob.class;
    }

    @Override
    public List<FieldError> validate(XGBoostJob job) {
        Map<String, ReplicaSpec> specs = job.getSpec().getXgbReplicaSpecs();
        List<FieldError> errors = new ArrayList<>(JobValidator.unknownTypes(this, specs));
        if (!specs.containsKey(MASTER)) {
            errors.add(new FieldError("spec.xgbReplicaSpecs.Master", "must be required"));
        }
        errors.addAll(JobValidator.exactlyOne(this, specs, MASTER));
        return errors;
    }

    @Override
    public boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index) {
        return MASTER.equals(replicaType);
    }

    @Override
    public void decoratePod(JobView<XGBoostJob> view, String replicaType, int index, PodTemplateSpec pod) {
        int total = view.totalReplicas();
        int rank = WORKER.equals(replicaType) ? index + view.replicas(MASTER) : index;
        List<EnvVar> env = new ArrayList<>();
        env.add(PodEnv.env("MASTER_PORT", port(view, MASTER)));
        env.add(PodEnv.env("MASTER_ADDR", podName(view.name(), MASTER, 0)));
        env.add(PodEnv.env("WORLD_SIZE", Integer.toString(total)));
        env.add(PodEnv.env("RANK", Integer.toString(rank)));
        env.add(PodEnv.env("PYTHONUNBUFFERED", "1"));
        if (total > 1) {
            List<String> workers = new ArrayList<>();
            for (int i = 0; i < total - 1; i++) {
                workers.add(podName(view.name(), WORKER, i));
            }
            env.add(PodEnv.env("WORKER_PORT", port(view, WORKER)));
            env.add(PodEnv.env("WORKER_ADDRS", String.join(",", workers)));
        }
        PodEnv.appendToAll(pod, env);
    }

    private static String port(JobView<XGBoostJob> view, String type) {
        return String.valueOf(PodEnv.port(view.specs().get(type), CONTAINER, PORT_NAME).orElse(PORT));
    }

    @Override
    public void updateStatus(JobView<XGBoostJob> view, StatusEditor editor) {
        for (String type : new java.util.TreeSet<>(view.specs().keySet())) {
            var counts = editor.counts(type);
            if (MASTER.equals(type)) {
                if (counts.getActive() > 0) {
                    editor.running(kind() + " " + view.name() + " is running.");
                }
                if (view.replicas(type) - counts.getSucceeded() == 0) {
                    editor.succeeded(kind() + " " + view.name() + " is successfully completed.");
                    return;
                }
            }
            if (counts.getFailed() > 0) {
                if (RestartPolicies.EXIT_CODE.equals(view.specs().get(type).getRestartPolicy())) {
                    editor.restarting(kind() + " " + view.name() + " is restarting because " + counts.getFailed() + " "
                            + type + " replica(s) failed.");
                } else {
                    editor.failed(kind() + " " + view.name() + " is failed because " + counts.getFailed() + " " + type
                            + " replica(s) failed.");
                }
            }
        }
    }
}

package dev.quarkflow.training.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.training.api.PaddleElasticPolicy;
import dev.quarkflow.training.api.PaddleJob;
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
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** PaddleJob: PADDLE_MASTER (the master pod's own IP for itself), node count and server/trainer roles. */
@ApplicationScoped
public class PaddlePlugin implements FrameworkPlugin<PaddleJob> {

    public static final String MASTER = "Master";
    public static final String WORKER = "Worker";
    public static final String CONTAINER = "paddle";
    public static final String PORT_NAME = "master";
    public static final int PORT = 36543;

    private static final Framework FRAMEWORK = new Framework("PaddleJob", "paddlejob-controller", "paddleReplicaSpecs",
            CONTAINER, PORT_NAME, PORT,
            RestartPolicies.ON_FAILURE, List.of(MASTER, WORKER));

    @Override
    public Framework framework() {
        return FRAMEWORK;
    }

    @Override
    public Class<PaddleJob> jobType() {
        return PaddleJob.class;
    }

    @Override
    public boolean fillsSelector() {
        return true;
    }

    @Override
    public List<FieldError> validate(PaddleJob job) {
        return JobValidator.unknownTypes(this, job.getSpec().getPaddleReplicaSpecs());
    }

    @Override
    public void applyKindDefaults(PaddleJob job) {
        PaddleElasticPolicy elastic = job.getSpec().getElasticPolicy();
        if (elastic != null) {
            ReplicaSpec worker = job.getSpec().getPaddleReplicaSpecs().get(WORKER);
            ElasticDefaults.apply(elastic::getMinReplicas, elastic::setMinReplicas, elastic::getMaxReplicas,
                    elastic::setMaxReplicas, worker == null ? null : worker.getReplicas());
        }
    }

    @Override
    public boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index) {
        return MASTER.equals(replicaType);
    }

    @Override
    public void decoratePod(JobView<PaddleJob> view, String replicaType, int index, PodTemplateSpec pod) {
        boolean hasMaster = view.specs().containsKey(MASTER);
        String hostType = hasMaster ? MASTER : WORKER;
        int port = PodEnv.port(view.specs().get(hostType), CONTAINER, PORT_NAME).orElse(PORT);
        List<EnvVar> env = new ArrayList<>();
        env.add(PodEnv.env("PYTHONUNBUFFERED", "1"));
        env.add(PodEnv.env("PADDLE_JOB_ID", view.name()));
        env.add(PodEnv.env("PADDLE_NNODES", Integer.toString(view.totalReplicas())));
        if (hostType.equals(replicaType) && index == 0) {
            // the master announces its own pod IP; everyone else reaches it by service name
            env.add(PodEnv.fieldRef("POD_IP_DUMMY", "status.podIP"));
            env.add(PodEnv.env("PADDLE_MASTER", "$(POD_IP_DUMMY):" + port));
        } else {
            env.add(PodEnv.env("PADDLE_MASTER", podName(view.name(), hostType, 0) + ":" + port));
        }
        if (hasMaster) {
            env.add(PodEnv.env(MASTER.equals(replicaType) ? "PADDLE_SERVER_NUM" : "PADDLE_TRAINER_NUM", "1"));
        }
        PodEnv.appendToAll(pod, env);
    }

    @Override
    public void updateStatus(JobView<PaddleJob> view, StatusEditor editor) {
        boolean hasMaster = view.specs().containsKey(MASTER);
        String id = view.namespace() + "/" + view.name();
        for (String type : new java.util.TreeSet<>(view.specs().keySet())) {
            String decider = hasMaster ? MASTER : WORKER;
            if (decider.equals(type)) {
                if (StatusRules.allSucceeded(view, editor, type)) {
                    editor.succeeded(kind() + " " + id + " successfully completed.");
                    if (hasMaster) {
                        return;
                    }
                } else if (editor.counts(type).getActive() > 0) {
                    editor.running(kind() + " " + id + " is running.");
                }
            }
            StatusRules.restartOrFail(view, editor, kind(), type);
        }
    }
}

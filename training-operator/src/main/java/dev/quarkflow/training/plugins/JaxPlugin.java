package dev.quarkflow.training.plugins;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.training.api.JAXJob;
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
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** JAXJob: jax.distributed's coordinator address, process count and id. */
@ApplicationScoped
public class JaxPlugin implements FrameworkPlugin<JAXJob> {

    public static final String WORKER = "Worker";
    public static final String CONTAINER = "jax";
    public static final String PORT_NAME = "jaxjob-port";
    public static final int PORT = 6666;

    private static final Framework FRAMEWORK = new Framework("JAXJob", "jaxjob-controller", "jaxReplicaSpecs", CONTAINER,
            PORT_NAME, PORT,
            RestartPolicies.NEVER, List.of(WORKER));

    @Override
    public Framework framework() {
        return FRAMEWORK;
    }

    @Override
    public Class<JAXJob> jobType() {
        return JAXJob.class;
    }

    @Override
    public boolean fillsSelector() {
        return true;
    }

    @Override
    public List<FieldError> validate(JAXJob job) {
        return JobValidator.unknownTypes(this, job.getSpec().getJaxReplicaSpecs());
    }

    @Override
    public boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index) {
        return index == 0;
    }

    @Override
    public void decoratePod(JobView<JAXJob> view, String replicaType, int index, PodTemplateSpec pod) {
        String port = String.valueOf(PodEnv.port(view.specs().get(WORKER), CONTAINER, PORT_NAME).orElse(PORT));
        PodEnv.appendToAll(pod, List.of(PodEnv.env("PYTHONUNBUFFERED", "1"), PodEnv.env("COORDINATOR_PORT", port),
                PodEnv.env("COORDINATOR_ADDRESS", podName(view.name(), WORKER, 0)),
                PodEnv.env("NUM_PROCESSES", Integer.toString(view.totalReplicas())),
                PodEnv.env("PROCESS_ID", Integer.toString(index))));
    }

    @Override
    public void updateStatus(JobView<JAXJob> view, StatusEditor editor) {
        for (String type : new java.util.TreeSet<>(view.specs().keySet())) {
            if (WORKER.equals(type)) {
                if (StatusRules.allSucceeded(view, editor, type)) {
                    editor.succeeded(kind() + " " + view.namespace() + "/" + view.name() + " successfully completed.");
                } else if (editor.counts(type).getActive() > 0) {
                    editor.running(kind() + " " + view.namespace() + "/" + view.name() + " is running.");
                }
            }
            StatusRules.restartOrFail(view, editor, kind(), type);
        }
    }
}

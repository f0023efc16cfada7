package dev.quarkflow.training.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;

/** Base of the six kubeflow.org/v1 job kinds: a spec with replica specs and a run policy, and the shared status. */
public abstract class KubeflowJob<S extends JobSpec> extends CustomResource<S, JobStatus> implements Namespaced {

    public static final String GROUP = "kubeflow.org";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** Printer column "State": the type of the latest condition, as upstream's CRDs show it. */
    public static final String STATE_PATH = ".status.conditions[-1:].type";
}

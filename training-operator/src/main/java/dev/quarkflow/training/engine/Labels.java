package dev.quarkflow.training.engine;

/** Upstream's label and annotation keys on training pods, services and pod groups (facts §5, §9). */
public final class Labels {

    public static final String OPERATOR_NAME = "training.kubeflow.org/operator-name";
    public static final String JOB_NAME = "training.kubeflow.org/job-name";
    public static final String REPLICA_TYPE = "training.kubeflow.org/replica-type";
    public static final String REPLICA_INDEX = "training.kubeflow.org/replica-index";
    public static final String JOB_ROLE = "training.kubeflow.org/job-role";
    public static final String JOB_ROLE_MASTER = "master";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "quarkflow-training-operator";

    public static final String VOLCANO_GROUP_NAME = "scheduling.k8s.io/group-name";
    public static final String VOLCANO_TASK_SPEC = "volcano.sh/task-spec";
    public static final String SCHEDULER_PLUGINS_POD_GROUP = "scheduling.x-k8s.io/pod-group";

    /** runPolicy.managedBy values. */
    public static final String MANAGED_BY_TRAINING_OPERATOR = "kubeflow.org/training-operator";
    public static final String MANAGED_BY_MULTIKUEUE = "kueue.x-k8s.io/multikueue";

    private Labels() {
    }
}

package dev.quarkflow.katib.controller.metrics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The labels the training operator (kubeflow.org/v1, v1.9) puts on each pod of a replica, which primaryPodLabels are
 * matched against: {@code training.kubeflow.org/replica-type} (the type in lower case),
 * {@code training.kubeflow.org/replica-index} (not on the MPIJob launcher), {@code training.kubeflow.org/job-name}, and
 * {@code training.kubeflow.org/job-role: master} on the pods the operator's {@code IsMasterRole} picks per kind:
 * <ul>
 * <li>TFJob: Chief or Master when the job has one, else Worker 0;</li>
 * <li>PyTorchJob: Master when the job has one, else Worker 0;</li>
 * <li>XGBoostJob, PaddleJob: Master; MPIJob: Launcher; JAXJob: index 0 of any type.</li>
 * </ul>
 * {@code mpi-job-role: <type>} on MPIJob pods is what training-operator v1.4 set and Katib's own MPIJob example selects;
 * it is matched too. Other kinds and API versions get replica type, index and job name only.
 */
public final class TrainingPodLabels {

    public static final String REPLICA_TYPE = "training.kubeflow.org/replica-type";
    public static final String REPLICA_INDEX = "training.kubeflow.org/replica-index";
    public static final String JOB_NAME = "training.kubeflow.org/job-name";
    public static final String JOB_ROLE = "training.kubeflow.org/job-role";
    public static final String MPI_JOB_ROLE = "mpi-job-role";

    private static final String TRAINING_OPERATOR_API = "kubeflow.org/v1";
    private static final String MASTER = "Master";
    private static final String CHIEF = "Chief";
    private static final String WORKER = "Worker";
    private static final String LAUNCHER = "Launcher";

    private TrainingPodLabels() {
    }

    /** A replica spec's pod count: {@code replicas}, 1 when unset (the training operator's default). */
    static int replicas(JsonNode replicaSpec) {
        JsonNode replicas = replicaSpec.path("replicas");
        return replicas.isMissingNode() || replicas.isNull() ? 1 : replicas.asInt(1);
    }

    /** The labels of pod {@code index} of replica type {@code type} of the workload. */
    static Map<String, String> of(JsonNode workload, String specsField, Set<String> types, String type, int index) {
        String kind = workload.path("kind").asText();
        Map<String, String> labels = new HashMap<>();
        labels.put(REPLICA_TYPE, type.toLowerCase(Locale.ROOT));
        boolean mpi = "mpiReplicaSpecs".equals(specsField);
        if (!(mpi && LAUNCHER.equals(type))) {
            labels.put(REPLICA_INDEX, Integer.toString(index));
        }
        String name = workload.path("metadata").path("name").asText("");
        if (!name.isEmpty()) {
            labels.put(JOB_NAME, name);
        }
        if (TRAINING_OPERATOR_API.equals(workload.path("apiVersion").asText())
                && isMasterRole(kind, types, type, index)) {
            labels.put(JOB_ROLE, "master");
        }
        if (mpi) {
            labels.put(MPI_JOB_ROLE, type.toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    static boolean isMasterRole(String kind, Set<String> types, String type, int index) {
        return switch (kind) {
            case "TFJob" -> types.contains(CHIEF) || types.contains(MASTER)
                    ? CHIEF.equals(type) || MASTER.equals(type)
                    : WORKER.equals(type) && index == 0;
            case "PyTorchJob" -> types.contains(MASTER) ? MASTER.equals(type) : WORKER.equals(type) && index == 0;
            case "XGBoostJob", "PaddleJob" -> MASTER.equals(type);
            case "MPIJob" -> LAUNCHER.equals(type);
            case "JAXJob" -> index == 0;
            default -> false;
        };
    }
}

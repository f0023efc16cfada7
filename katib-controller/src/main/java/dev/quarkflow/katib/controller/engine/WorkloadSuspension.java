package dev.quarkflow.katib.controller.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a workload kind has its "suspend" switch. An early-stopped trial whose workload is retained ({@code retainRun})
 * must stop training without being deleted: upstream's metrics collector kills the training process inside the pod;
 * without a pod webhook the controller suspends the workload instead, which removes its pods and keeps the object.
 */
public final class WorkloadSuspension {

    private static final Set<String> TRAINING_OPERATOR_KINDS = Set.of("TFJob", "PyTorchJob", "XGBoostJob", "MPIJob",
            "PaddleJob", "JAXJob");

    private WorkloadSuspension() {
    }

    /** The path of the boolean to set to {@code true}, or empty when the kind has no such switch. */
    public static Optional<List<String>> suspendField(String apiVersion, String kind) {
        String group = apiVersion == null || !apiVersion.contains("/") ? ""
                : apiVersion.substring(0, apiVersion.indexOf('/'));
        if (group.equals("batch") && "Job".equals(kind)) {
            return Optional.of(List.of("spec", "suspend"));
        }
        if (group.equals("kubeflow.org") && TRAINING_OPERATOR_KINDS.contains(kind)) {
            return Optional.of(List.of("spec", "runPolicy", "suspend"));
        }
        if (group.equals("trainer.kubeflow.org") && "TrainJob".equals(kind)) {
            return Optional.of(List.of("spec", "suspend"));
        }
        return Optional.empty();
    }
}

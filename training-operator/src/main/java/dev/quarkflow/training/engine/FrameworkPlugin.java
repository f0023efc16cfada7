package dev.quarkflow.training.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * What one framework adds to the generic job engine: its replica types, default container and port, defaults,
 * validation, pod environment, master role and status rules. One CDI bean per kind.
 *
 * <pre>{@code
 * &#64;ApplicationScoped
 * public class JaxPlugin implements FrameworkPlugin<JAXJob> { ... }
 * }</pre>
 */
public interface FrameworkPlugin<J extends KubeflowJob<?>> {

    Class<J> jobType();

    /** The kind's fixed facts. */
    Framework framework();

    /** The CR kind, e.g. {@code PyTorchJob}; also the prefix of condition reasons. */
    default String kind() {
        return framework().kind();
    }

    /** Value of the operator-name label, e.g. {@code pytorchjob-controller}. */
    default String controllerName() {
        return framework().controllerName();
    }

    /** Name of the replica-spec map in the spec, e.g. {@code pytorchReplicaSpecs}; used in field paths. */
    default String replicaSpecsField() {
        return framework().replicaSpecsField();
    }

    default String defaultContainerName() {
        return framework().defaultContainerName();
    }

    default String defaultPortName() {
        return framework().defaultPortName();
    }

    default int defaultPort() {
        return framework().defaultPort();
    }

    default String defaultRestartPolicy() {
        return framework().defaultRestartPolicy();
    }

    /** Canonical replica types, e.g. {@code Master, Worker}. */
    default List<String> replicaTypes() {
        return framework().replicaTypes();
    }

    /** Kind-specific validation on the spec as the user wrote it (upstream's webhook rules). */
    List<FieldError> validate(J job);

    /** Kind-specific in-memory defaults, applied after the engine's shared ones. */
    default void applyKindDefaults(J job) {
    }

    default int defaultReplicas(String replicaType) {
        return 1;
    }

    /** Whether the default port is appended to the default container (MPI: never). */
    default boolean injectsDefaultPort() {
        return true;
    }

    /** Whether at least one container must carry the default container name (MPI: no). */
    default boolean requiresDefaultContainer() {
        return true;
    }

    /** Whether the pod at this index gets {@code training.kubeflow.org/job-role=master}. */
    boolean isMasterRole(Map<String, ReplicaSpec> specs, String replicaType, int index);

    /** Adds the framework's environment and init containers to a pod about to be created. */
    void decoratePod(JobView<J> view, String replicaType, int index, PodTemplateSpec pod);

    /** Upstream's per-kind Running/Succeeded/Restarting/Failed rules over the counted replica statuses. */
    void updateStatus(JobView<J> view, StatusEditor editor);

    /** Whether {@code replicaStatuses.<type>.selector} is filled (PyTorch, JAX, Paddle). */
    default boolean fillsSelector() {
        return false;
    }

    /** Whether each pod gets a headless Service of its own (every kind but MPI). */
    default boolean createsServices() {
        return true;
    }

    default String podName(String jobName, String replicaType, int index) {
        return (jobName + "-" + replicaType.toLowerCase(Locale.ROOT) + "-" + index).replace('/', '-');
    }

    /** Further children besides pods and services, e.g. MPI's ConfigMap and launcher RBAC. */
    default List<HasMetadata> extraChildren(JobView<J> view) {
        return List.of();
    }

    /** Kinds of {@link #extraChildren} the reconciler must watch. */
    default List<Class<? extends HasMetadata>> extraChildTypes() {
        return List.of();
    }
}

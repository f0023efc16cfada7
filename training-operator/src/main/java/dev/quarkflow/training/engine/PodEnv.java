package dev.quarkflow.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.quarkflow.training.api.ReplicaSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** Small helpers plugins use to add environment to a pod's containers and to read the ports they declared. */
public final class PodEnv {

    private PodEnv() {
    }

    public static EnvVar env(String name, String value) {
        var env = new EnvVar();
        env.setName(name);
        env.setValue(value);
        return env;
    }

    /** Appends the variables to every container the predicate accepts, after the template's own. */
    public static void append(PodTemplateSpec pod, Predicate<Container> which, List<EnvVar> vars) {
        for (Container container : pod.getSpec().getContainers()) {
            if (which.test(container)) {
                List<EnvVar> env = container.getEnv() == null ? new ArrayList<>() : new ArrayList<>(container.getEnv());
                vars.forEach(v -> env.add(new EnvVar(v.getName(), v.getValue(), v.getValueFrom())));
                container.setEnv(env);
            }
        }
    }

    /** {@code name} from the pod's own status field, e.g. {@code status.podIP}. */
    public static EnvVar fieldRef(String name, String fieldPath) {
        return new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef()
                .withFieldPath(fieldPath).endFieldRef().endValueFrom().build();
    }

    public static void appendToAll(PodTemplateSpec pod, List<EnvVar> vars) {
        append(pod, c -> true, vars);
    }

    /** The containerPort of the named port of the named container in a replica spec. */
    public static Optional<Integer> port(ReplicaSpec spec, String containerName, String portName) {
        if (spec == null || spec.getTemplate() == null || spec.getTemplate().getSpec() == null) {
            return Optional.empty();
        }
        return spec.getTemplate().getSpec().getContainers().stream().filter(c -> containerName.equals(c.getName()))
                .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.empty() : c.getPorts().stream())
                .filter(p -> portName.equals(p.getName())).map(p -> p.getContainerPort()).findFirst();
    }
}

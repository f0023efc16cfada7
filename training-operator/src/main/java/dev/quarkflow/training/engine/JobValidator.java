package dev.quarkflow.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaSpec;
import io.fabric8.kubernetes.api.model.Container;

/**
 * The validation rules every kind's webhook shares (facts §4): an RFC 1035 name, the managedBy allowlist, a replica
 * map whose specs have containers with images and the default-named container; then the plugin's own rules.
 */
public final class JobValidator {

    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_NAME = 63;

    private JobValidator() {
    }

    public static <J extends KubeflowJob<?>> List<FieldError> validate(FrameworkPlugin<J> plugin, J job) {
        List<FieldError> errors = new ArrayList<>();
        String name = job.getMetadata().getName();
        if (name == null || name.length() > MAX_NAME || !DNS_1035.matcher(name).matches()) {
            errors.add(new FieldError("metadata.name",
                    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                            + "alphabetic character, end with an alphanumeric character and be at most 63 characters"));
        }
        var runPolicy = job.getSpec() == null ? null : job.getSpec().runPolicy();
        if (runPolicy != null && runPolicy.getManagedBy() != null && !runPolicy.getManagedBy().isEmpty()
                && !Labels.MANAGED_BY_TRAINING_OPERATOR.equals(runPolicy.getManagedBy())
                && !Labels.MANAGED_BY_MULTIKUEUE.equals(runPolicy.getManagedBy())) {
            errors.add(new FieldError("spec.runPolicy.managedBy", "Unsupported value: \"" + runPolicy.getManagedBy()
                    + "\": supported values: \"" + Labels.MANAGED_BY_TRAINING_OPERATOR + "\", \""
                    + Labels.MANAGED_BY_MULTIKUEUE + "\""));
        }
        Map<String, ReplicaSpec> specs = job.getSpec() == null ? null : job.getSpec().replicaSpecs();
        String field = "spec." + plugin.replicaSpecsField();
        if (specs == null || specs.isEmpty()) {
            errors.add(new FieldError(field, "must be required"));
            return errors;
        }
        specs.forEach((type, spec) -> validateReplica(plugin, field + "." + type, spec, errors));
        errors.addAll(plugin.validate(job));
        return errors;
    }

    private static void validateReplica(FrameworkPlugin<?> plugin, String path, ReplicaSpec spec, List<FieldError> errors) {
        List<Container> containers = spec == null || spec.getTemplate() == null || spec.getTemplate().getSpec() == null
                ? null
                : spec.getTemplate().getSpec().getContainers();
        if (containers == null || containers.isEmpty()) {
            errors.add(new FieldError(path + ".template.spec.containers", "must be specified"));
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            if (container.getImage() == null || container.getImage().isEmpty()) {
                errors.add(new FieldError(path + ".template.spec.containers[" + i + "].image", "must be required"));
            }
            if (!plugin.requiresDefaultContainer() && (container.getName() == null || container.getName().isEmpty())) {
                errors.add(new FieldError(path + ".template.spec.containers[" + i + "].name", "must be required"));
            }
        }
        if (plugin.requiresDefaultContainer()
                && containers.stream().noneMatch(c -> plugin.defaultContainerName().equals(c.getName()))) {
            errors.add(new FieldError(path + ".template.spec.containers",
                    "There is no container named " + plugin.defaultContainerName()));
        }
    }

    /** Replica keys outside the kind's canonical types. */
    public static List<FieldError> unknownTypes(FrameworkPlugin<?> plugin, Map<String, ReplicaSpec> specs) {
        List<FieldError> errors = new ArrayList<>();
        specs.keySet().stream().filter(type -> !plugin.replicaTypes().contains(type)).sorted()
                .forEach(type -> errors.add(new FieldError("spec." + plugin.replicaSpecsField(),
                        "Unsupported value: \"" + type + "\": supported values: "
                                + String.join(", ", plugin.replicaTypes().stream().map(t -> "\"" + t + "\"").toList()))));
        return errors;
    }

    /** "replicas must be given and equal 1" (PyTorch/XGBoost Master, MPI Launcher). */
    public static List<FieldError> exactlyOne(FrameworkPlugin<?> plugin, Map<String, ReplicaSpec> specs, String type) {
        ReplicaSpec spec = specs.get(type);
        if (spec != null && (spec.getReplicas() == null || spec.getReplicas() != 1)) {
            return List.of(new FieldError("spec." + plugin.replicaSpecsField() + "." + type + ".replicas", "must be 1"));
        }
        return List.of();
    }
}

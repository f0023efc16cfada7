package dev.quarkflow.katib.controller.operator;

import dev.quarkflow.katib.controller.model.ExperimentSpec;
import dev.quarkflow.katib.controller.model.ExperimentStatus;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** The Experiment custom resource; the engine's model classes are its spec and status. */
@Group("kubeflow.org")
@Version("v1beta1")
@Kind("Experiment")
@Plural("experiments")
public class ExperimentResource extends CustomResource<ExperimentSpec, ExperimentStatus> implements Namespaced {
}

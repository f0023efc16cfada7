package dev.quarkflow.katib.controller.operator;

import dev.quarkflow.katib.controller.model.Trial;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** The Trial custom resource. */
@Group("kubeflow.org")
@Version("v1beta1")
@Kind("Trial")
@Plural("trials")
public class TrialResource extends CustomResource<Trial.Spec, Trial.Status> implements Namespaced {
}

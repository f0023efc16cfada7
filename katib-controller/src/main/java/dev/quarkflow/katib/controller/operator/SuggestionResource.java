package dev.quarkflow.katib.controller.operator;

import dev.quarkflow.katib.controller.model.Suggestion;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** The Suggestion custom resource (name = experiment name). */
@Group("kubeflow.org")
@Version("v1beta1")
@Kind("Suggestion")
@Plural("suggestions")
public class SuggestionResource extends CustomResource<Suggestion.Spec, Suggestion.Status> implements Namespaced {
}

package dev.quarkflow.katib.controller.operator;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarkflow.katib.controller.engine.Json;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Conversions between the custom resources and the engine's model, and owner references. */
final class Resources {

    private Resources() {
    }

    static <T> T convert(Object from, Class<T> to) {
        return Json.MAPPER.convertValue(from, to);
    }

    static boolean sameJson(Object a, Object b) {
        JsonNode left = a == null ? null : Json.MAPPER.valueToTree(a);
        JsonNode right = b == null ? null : Json.MAPPER.valueToTree(b);
        return Objects.equals(left, right);
    }

    static List<OwnerReference> controlledBy(HasMetadata owner) {
        return List.of(new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build());
    }

    /** The API coordinates of any workload kind from its apiVersion and kind (plural by Kubernetes' rule). */
    static ResourceDefinitionContext workloadContext(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(slash < 0 ? apiVersion : apiVersion.substring(slash + 1))
                .withKind(kind).withPlural(Pluralize.toPlural(kind.toLowerCase())).withNamespaced(true).build();
    }
}

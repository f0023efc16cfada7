package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;

/** The shipped CRDs have upstream's shape: no field schema, status subresource, upstream's columns. */
class ShippedCrdsTest {

    private static final List<String> CONDITION_COLUMNS = List.of("Type=.status.conditions[-1:].type",
            "Status=.status.conditions[-1:].status");

    @Test
    void everyKatibKind_preservesUnknownFields_andHasAStatusSubresource() {
        List<CustomResourceDefinition> crds = ShippedCrds.load();

        assertThat(crds).extracting(crd -> crd.getMetadata().getName()).containsExactly("experiments.kubeflow.org",
                "suggestions.kubeflow.org", "trials.kubeflow.org");
        assertThat(crds).allSatisfy(crd -> {
            assertThat(crd.getSpec().getGroup()).isEqualTo("kubeflow.org");
            assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
            assertThat(crd.getSpec().getNames().getCategories()).containsExactly("all", "kubeflow", "katib");
            CustomResourceDefinitionVersion version = single(crd);
            assertThat(version.getName()).isEqualTo("v1beta1");
            assertThat(version.getServed()).isTrue();
            assertThat(version.getStorage()).isTrue();
            assertThat(version.getSchema().getOpenAPIV3Schema().getXKubernetesPreserveUnknownFields()).isTrue();
            assertThat(version.getSchema().getOpenAPIV3Schema().getProperties()).isNullOrEmpty();
            assertThat(version.getSubresources().getStatus()).isNotNull();
        });
    }

    @Test
    void printerColumns_areUpstreams() {
        Map<String, List<String>> columns = Map.of(
                "Experiment", List.of(),
                "Trial", List.of(),
                "Suggestion", List.of("Requested=.spec.requests", "Assigned=.status.suggestionCount"));

        assertThat(ShippedCrds.load()).allSatisfy(crd -> {
            List<String> expected = new java.util.ArrayList<>(CONDITION_COLUMNS);
            expected.addAll(columns.get(crd.getSpec().getNames().getKind()));
            expected.add("Age=.metadata.creationTimestamp");
            assertThat(single(crd).getAdditionalPrinterColumns()).as(crd.getMetadata().getName())
                    .extracting(ShippedCrdsTest::column).containsExactlyElementsOf(expected);
        });
    }

    private static String column(CustomResourceColumnDefinition column) {
        return column.getName() + "=" + column.getJsonPath();
    }

    private static CustomResourceDefinitionVersion single(CustomResourceDefinition crd) {
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        return crd.getSpec().getVersions().get(0);
    }
}

package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * {@code kubectl kustomize kustomize/katib} renders, and the objects fit together: names and namespace as upstream,
 * Services reach container ports that exist, the controller's ServiceAccount is bound to a role with the verbs the
 * reconcilers use, katib-config has upstream's shape. Needs kubectl on the PATH; nothing touches a cluster.
 */
class KustomizeKatibTest {

    private static final String BASE = "../kustomize/katib";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static List<HasMetadata> objects;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", BASE).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed on the PATH to render " + BASE, e);
        }
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize %s:%n%s", BASE, output).isZero();
        objects = YAML.readerFor(JsonNode.class).<JsonNode> readValues(output).readAll().stream()
                .map(node -> SERIALIZATION.<HasMetadata> unmarshal(node.toString())).toList();
    }

    private static <T extends HasMetadata> T get(Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static Container container(String deployment) {
        return get(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static int containerPort(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    @Test
    void rendersTheExpectedObjects_inNamespaceKubeflow() {
        assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactlyInAnyOrder(
                "Namespace/kubeflow",
                "CustomResourceDefinition/experiments.kubeflow.org",
                "CustomResourceDefinition/suggestions.kubeflow.org",
                "CustomResourceDefinition/trials.kubeflow.org",
                "ServiceAccount/katib-controller", "ClusterRole/katib-controller",
                "ClusterRoleBinding/katib-controller", "ConfigMap/katib-config",
                "Deployment/katib-controller", "Service/katib-controller", "Service/katib-db-manager",
                "Deployment/katib-suggestion", "Service/katib-suggestion");
        assertThat(objects).filteredOn(o -> Stream.of("Namespace", "CustomResourceDefinition", "ClusterRole",
                "ClusterRoleBinding").noneMatch(o.getKind()::equals))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getMetadata().getName())
                        .isEqualTo("kubeflow"));
    }

    @Test
    void crds_areTheShippedFiles() {
        assertThat(objects).filteredOn(CustomResourceDefinition.class::isInstance)
                .containsExactlyInAnyOrderElementsOf(ShippedCrds.load());
    }

    @Test
    void services_selectTheirDeployment_andReachItsPorts() throws IOException {
        Properties application = new Properties();
        try (InputStream in = KustomizeKatibTest.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        Map<String, String> serviceToDeployment = Map.of("katib-controller", "katib-controller",
                "katib-db-manager", "katib-controller", "katib-suggestion", "katib-suggestion");

        serviceToDeployment.forEach((serviceName, deploymentName) -> {
            Service service = get(Service.class, serviceName);
            Deployment deployment = get(Deployment.class, deploymentName);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(service.getSpec().getSelector());
            service.getSpec().getPorts().forEach(port -> containerPort(container(deploymentName),
                    port.getTargetPort().getStrVal()));
        });
        // upstream's clients reach DBManager at katib-db-manager:6789; it is served on the controller's gRPC port
        assertThat(get(Service.class, "katib-db-manager").getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(6789));
        Container controller = container("katib-controller");
        assertThat(containerPort(controller, "db-manager"))
                .isEqualTo(Integer.parseInt(application.getProperty("quarkus.grpc.server.port")));
        assertThat(containerPort(controller, "http"))
                .isEqualTo(Integer.parseInt(application.getProperty("quarkus.http.port")));
        assertThat(containerPort(container("katib-suggestion"), "suggestion-api")).isEqualTo(6789);
        assertThat(controller.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("QUARKFLOW_KATIB_CONTROLLER_SUGGESTION_ADDRESS");
            assertThat(env.getValue()).isEqualTo("katib-suggestion.kubeflow:6789");
        });
    }

    @Test
    void images_areQuarkflows() {
        assertThat(objects).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers())
                .extracting(Container::getImage)
                .containsExactlyInAnyOrder("quarkflow/katib-controller:0.1.0", "quarkflow/katib-suggestion:0.1.0");
    }

    @Test
    void controllerServiceAccount_mayDoWhatTheReconcilersDo() {
        String account = get(Deployment.class, "katib-controller").getSpec().getTemplate().getSpec()
                .getServiceAccountName();
        ClusterRoleBinding binding = get(ClusterRoleBinding.class, "katib-controller");
        assertThat(get(ServiceAccount.class, account).getMetadata().getNamespace()).isEqualTo("kubeflow");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName() + "." + subject.getNamespace()).isEqualTo(account + ".kubeflow");
        });
        ClusterRole role = get(ClusterRole.class, binding.getRoleRef().getName());

        List<String> crud = List.of("get", "list", "watch", "create", "update", "patch", "delete");
        for (String resource : List.of("experiments", "suggestions", "trials")) {
            assertThat(allowed(role, "kubeflow.org", resource)).as(resource).containsAll(crud);
            assertThat(allowed(role, "kubeflow.org", resource + "/status")).as(resource + "/status")
                    .contains("get", "update", "patch");
            assertThat(allowed(role, "kubeflow.org", resource + "/finalizers")).as(resource + "/finalizers")
                    .contains("update");
        }
        assertThat(allowed(role, "batch", "jobs")).containsAll(List.of("get", "list", "watch", "create", "delete"));
        assertThat(allowed(role, "", "configmaps")).contains("get", "list", "watch");
        assertThat(allowed(role, "", "events")).contains("create");
        assertThat(allowed(role, "apiextensions.k8s.io", "customresourcedefinitions")).contains("get");
    }

    private static List<String> allowed(ClusterRole role, String group, String resource) {
        List<String> verbs = role.getRules().stream()
                .filter(rule -> rule.getApiGroups().contains(group) && rule.getResources().contains(resource))
                .map(PolicyRule::getVerbs).flatMap(List::stream).distinct().toList();
        return verbs.contains("*") ? List.of("get", "list", "watch", "create", "update", "patch", "delete") : verbs;
    }

    @Test
    void katibConfig_hasUpstreamsShape_andIsMountedIntoTheController() throws IOException {
        ConfigMap configMap = get(ConfigMap.class, "katib-config");
        JsonNode config = YAML.readTree(configMap.getData().get("katib-config.yaml"));

        assertThat(config.path("apiVersion").asText()).isEqualTo("config.kubeflow.org/v1beta1");
        assertThat(config.path("kind").asText()).isEqualTo("KatibConfig");
        assertThat(config.path("runtime").path("suggestions").findValuesAsText("algorithmName"))
                .containsExactlyInAnyOrder("random", "tpe", "grid", "hyperband", "bayesianoptimization", "cmaes",
                        "sobol", "multivariate-tpe", "enas", "darts", "pbt");
        assertThat(config.path("runtime").path("earlyStoppings").findValuesAsText("algorithmName"))
                .containsExactly("medianstop");
        assertThat(config.path("runtime").path("metricsCollectors").findValuesAsText("kind"))
                .containsExactly("StdOut", "File");
        Stream.of("suggestions", "earlyStoppings", "metricsCollectors")
                .flatMap(list -> config.path("runtime").path(list).findValuesAsText("image").stream())
                .forEach(image -> assertThat(image).matches("quarkflow/[a-z-]+:0\\.1\\.0"));
        assertThat(get(Deployment.class, "katib-controller").getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(volume -> assertThat(volume.getConfigMap()).isNotNull()
                        .satisfies(source -> assertThat(source.getName()).isEqualTo("katib-config")));
    }
}

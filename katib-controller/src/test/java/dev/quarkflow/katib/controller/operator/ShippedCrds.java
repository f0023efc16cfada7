package dev.quarkflow.katib.controller.operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * Installs the CRDs Quarkflow ships ({@code kustomize/katib/crds/}) on the mock API server before the application
 * starts, so that the operator tests run against the same definitions a cluster gets (the generated ones are off).
 * Use as {@code @WithKubernetesTestServer(setup = ShippedCrds.class)}.
 */
public class ShippedCrds implements Consumer<KubernetesServer> {

    static final Path DIRECTORY = Path.of("../kustomize/katib/crds");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static List<CustomResourceDefinition> load() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(ShippedCrds::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIRECTORY.toAbsolutePath(), e);
        }
    }

    private static CustomResourceDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void accept(KubernetesServer server) {
        load().forEach(crd -> server.getClient().apiextensions().v1().customResourceDefinitions().resource(crd)
                .create());
    }
}

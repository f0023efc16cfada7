package dev.quarkflow.training.operator;

import java.time.Clock;

import jakarta.inject.Inject;

import dev.quarkflow.training.api.JAXJob;
import dev.quarkflow.training.plugins.JaxPlugin;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

@ControllerConfiguration(name = "jaxjob-controller")
public class JAXJobReconciler extends JobReconciler<JAXJob> {

    JAXJobReconciler() {
    }

    @Inject
    public JAXJobReconciler(JaxPlugin plugin, KubernetesClient client, TrainingOperatorConfig config, Clock clock) {
        super(plugin, client, config, clock);
    }
}

package dev.quarkflow.training.operator;

import java.time.Clock;

import jakarta.inject.Inject;

import dev.quarkflow.training.api.PyTorchJob;
import dev.quarkflow.training.plugins.PyTorchPlugin;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

@ControllerConfiguration(name = "pytorchjob-controller")
public class PyTorchJobReconciler extends JobReconciler<PyTorchJob> {

    PyTorchJobReconciler() {
    }

    @Inject
    public PyTorchJobReconciler(PyTorchPlugin plugin, KubernetesClient client, TrainingOperatorConfig config, Clock clock) {
        super(plugin, client, config, clock);
    }
}

package dev.quarkflow.training.operator;

import java.time.Clock;

import jakarta.inject.Inject;

import dev.quarkflow.training.api.MPIJob;
import dev.quarkflow.training.plugins.MpiPlugin;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

@ControllerConfiguration(name = "mpijob-controller")
public class MPIJobReconciler extends JobReconciler<MPIJob> {

    MPIJobReconciler() {
    }

    @Inject
    public MPIJobReconciler(MpiPlugin plugin, KubernetesClient client, TrainingOperatorConfig config, Clock clock) {
        super(plugin, client, config, clock);
    }
}

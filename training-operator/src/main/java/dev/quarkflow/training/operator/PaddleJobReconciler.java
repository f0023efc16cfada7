package dev.quarkflow.training.operator;

import java.time.Clock;

import jakarta.inject.Inject;

import dev.quarkflow.training.api.PaddleJob;
import dev.quarkflow.training.plugins.PaddlePlugin;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

@ControllerConfiguration(name = "paddlejob-controller")
public class PaddleJobReconciler extends JobReconciler<PaddleJob> {

    PaddleJobReconciler() {
    }

    @Inject
    public PaddleJobReconciler(PaddlePlugin plugin, KubernetesClient client, TrainingOperatorConfig config, Clock clock) {
        super(plugin, client, config, clock);
    }
}

package dev.quarkflow.training.operator;

import java.time.Clock;

import jakarta.inject.Inject;

import dev.quarkflow.training.api.TFJob;
import dev.quarkflow.training.plugins.TensorFlowPlugin;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

@ControllerConfiguration(name = "tfjob-controller")
public class TFJobReconciler extends JobReconciler<TFJob> {

    TFJobReconciler() {
    }

    @Inject
    public TFJobReconciler(TensorFlowPlugin plugin, KubernetesClient client, TrainingOperatorConfig config, Clock clock) {
        super(plugin, client, config, clock);
    }
}

package dev.quarkflow.training.operator;

import java.time.Clock;

import jakarta.inject.Inject;

import dev.quarkflow.training.api.XGBoostJob;
import dev.quarkflow.training.plugins.XGBoostPlugin;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

@ControllerConfiguration(name = "xgboostjob-controller")
public class XGBoostJobReconciler extends JobReconciler<XGBoostJob> {

    XGBoostJobReconciler() {
    }

    @Inject
    public XGBoostJobReconciler(XGBoostPlugin plugin, KubernetesClient client, TrainingOperatorConfig config, Clock clock) {
        super(plugin, client, config, clock);
    }
}

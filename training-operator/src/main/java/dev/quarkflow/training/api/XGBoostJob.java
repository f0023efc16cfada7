package dev.quarkflow.training.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** The XGBoostJob custom resource (kubeflow.org/v1). */
@Group(KubeflowJob.GROUP)
@Version(KubeflowJob.VERSION)
@Kind("XGBoostJob")
@AdditionalPrinterColumn(name = "State", jsonPath = KubeflowJob.STATE_PATH, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class XGBoostJob extends KubeflowJob<XGBoostJobSpec> {
}

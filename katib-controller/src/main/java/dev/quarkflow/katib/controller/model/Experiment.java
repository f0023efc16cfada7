package dev.quarkflow.katib.controller.model;

/**
 * A Katib {@code Experiment} (kubeflow.org/v1beta1) as the engine sees it: upstream's field names, unknown fields kept.
 */
public class Experiment extends Extensible {
    public static final String API_VERSION = "kubeflow.org/v1beta1";
    public static final String KIND = "Experiment";

    public String apiVersion;
    public String kind;
    public ObjectMeta metadata = new ObjectMeta();
    public ExperimentSpec spec = new ExperimentSpec();
    public ExperimentStatus status;

    public String name() {
        return metadata.name;
    }

    public String namespace() {
        return metadata.namespace;
    }

    public ExperimentStatus status() {
        if (status == null) {
            status = new ExperimentStatus();
        }
        return status;
    }
}

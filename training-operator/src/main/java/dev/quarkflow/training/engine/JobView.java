package dev.quarkflow.training.engine;

import java.util.List;
import java.util.Map;

import dev.quarkflow.training.api.JobStatus;
import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaSpec;
import dev.quarkflow.training.api.RunPolicy;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A job after defaulting, with the pods the operator observed for it and the status being computed: what plugins read.
 */
public record JobView<J extends KubeflowJob<?>>(J job, List<Pod> pods, JobStatus status, EngineSettings settings) {

    public JobView {
        pods = List.copyOf(pods);
    }

    public String name() {
        return job.getMetadata().getName();
    }

    public String namespace() {
        return job.getMetadata().getNamespace();
    }

    public Map<String, ReplicaSpec> specs() {
        return job.getSpec().replicaSpecs();
    }

    public RunPolicy runPolicy() {
        return job.getSpec().runPolicy();
    }

    public int replicas(String type) {
        ReplicaSpec spec = specs().get(type);
        return spec == null || spec.getReplicas() == null ? 0 : spec.getReplicas();
    }

    public int totalReplicas() {
        return specs().values().stream().mapToInt(s -> s.getReplicas() == null ? 0 : s.getReplicas()).sum();
    }
}

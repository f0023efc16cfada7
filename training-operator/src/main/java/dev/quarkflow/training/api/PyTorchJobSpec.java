package dev.quarkflow.training.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** Desired state of a PyTorchJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PyTorchJobSpec implements JobSpec {

    private RunPolicy runPolicy;
    private ElasticPolicy elasticPolicy;
    private String nprocPerNode;
    @Required
    private Map<String, ReplicaSpec> pytorchReplicaSpecs;

    public RunPolicy getRunPolicy() {
        return runPolicy;
    }

    public void setRunPolicy(RunPolicy runPolicy) {
        this.runPolicy = runPolicy;
    }

    public ElasticPolicy getElasticPolicy() {
        return elasticPolicy;
    }

    public void setElasticPolicy(ElasticPolicy elasticPolicy) {
        this.elasticPolicy = elasticPolicy;
    }

    public String getNprocPerNode() {
        return nprocPerNode;
    }

    public void setNprocPerNode(String nprocPerNode) {
        this.nprocPerNode = nprocPerNode;
    }

    public Map<String, ReplicaSpec> getPytorchReplicaSpecs() {
        return pytorchReplicaSpecs;
    }

    public void setPytorchReplicaSpecs(Map<String, ReplicaSpec> pytorchReplicaSpecs) {
        this.pytorchReplicaSpecs = pytorchReplicaSpecs;
    }

    @Override
    public Map<String, ReplicaSpec> replicaSpecs() {
        return pytorchReplicaSpecs;
    }

    @Override
    public void replicaSpecs(Map<String, ReplicaSpec> specs) {
        this.pytorchReplicaSpecs = specs;
    }

    @Override
    public RunPolicy runPolicy() {
        return runPolicy;
    }

    @Override
    public void runPolicy(RunPolicy policy) {
        this.runPolicy = policy;
    }

}

package dev.quarkflow.training.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** Desired state of a PaddleJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PaddleJobSpec implements JobSpec {

    private RunPolicy runPolicy;
    private PaddleElasticPolicy elasticPolicy;
    @Required
    private Map<String, ReplicaSpec> paddleReplicaSpecs;

    public RunPolicy getRunPolicy() {
        return runPolicy;
    }

    public void setRunPolicy(RunPolicy runPolicy) {
        this.runPolicy = runPolicy;
    }

    public PaddleElasticPolicy getElasticPolicy() {
        return elasticPolicy;
    }

    public void setElasticPolicy(PaddleElasticPolicy elasticPolicy) {
        this.elasticPolicy = elasticPolicy;
    }

    public Map<String, ReplicaSpec> getPaddleReplicaSpecs() {
        return paddleReplicaSpecs;
    }

    public void setPaddleReplicaSpecs(Map<String, ReplicaSpec> paddleReplicaSpecs) {
        this.paddleReplicaSpecs = paddleReplicaSpecs;
    }

    @Override
    public Map<String, ReplicaSpec> replicaSpecs() {
        return paddleReplicaSpecs;
    }

    @Override
    public void replicaSpecs(Map<String, ReplicaSpec> specs) {
        this.paddleReplicaSpecs = specs;
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

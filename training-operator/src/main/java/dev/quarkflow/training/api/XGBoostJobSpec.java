package dev.quarkflow.training.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** Desired state of a XGBoostJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class XGBoostJobSpec implements JobSpec {

    private RunPolicy runPolicy;
    @Required
    private Map<String, ReplicaSpec> xgbReplicaSpecs;

    public RunPolicy getRunPolicy() {
        return runPolicy;
    }

    public void setRunPolicy(RunPolicy runPolicy) {
        this.runPolicy = runPolicy;
    }

    public Map<String, ReplicaSpec> getXgbReplicaSpecs() {
        return xgbReplicaSpecs;
    }

    public void setXgbReplicaSpecs(Map<String, ReplicaSpec> xgbReplicaSpecs) {
        this.xgbReplicaSpecs = xgbReplicaSpecs;
    }

    @Override
    public Map<String, ReplicaSpec> replicaSpecs() {
        return xgbReplicaSpecs;
    }

    @Override
    public void replicaSpecs(Map<String, ReplicaSpec> specs) {
        this.xgbReplicaSpecs = specs;
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

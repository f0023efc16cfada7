package dev.quarkflow.training.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** Desired state of a TFJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TFJobSpec implements JobSpec {

    private RunPolicy runPolicy;
    private String successPolicy;
    private Boolean enableDynamicWorker;
    @Required
    private Map<String, ReplicaSpec> tfReplicaSpecs;

    public RunPolicy getRunPolicy() {
        return runPolicy;
    }

    public void setRunPolicy(RunPolicy runPolicy) {
        this.runPolicy = runPolicy;
    }

    public String getSuccessPolicy() {
        return successPolicy;
    }

    public void setSuccessPolicy(String successPolicy) {
        this.successPolicy = successPolicy;
    }

    public Boolean getEnableDynamicWorker() {
        return enableDynamicWorker;
    }

    public void setEnableDynamicWorker(Boolean enableDynamicWorker) {
        this.enableDynamicWorker = enableDynamicWorker;
    }

    public Map<String, ReplicaSpec> getTfReplicaSpecs() {
        return tfReplicaSpecs;
    }

    public void setTfReplicaSpecs(Map<String, ReplicaSpec> tfReplicaSpecs) {
        this.tfReplicaSpecs = tfReplicaSpecs;
    }

    @Override
    public Map<String, ReplicaSpec> replicaSpecs() {
        return tfReplicaSpecs;
    }

    @Override
    public void replicaSpecs(Map<String, ReplicaSpec> specs) {
        this.tfReplicaSpecs = specs;
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

package dev.quarkflow.training.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** Desired state of a JAXJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JAXJobSpec implements JobSpec {

    private RunPolicy runPolicy;
    @Required
    private Map<String, ReplicaSpec> jaxReplicaSpecs;

    public RunPolicy getRunPolicy() {
        return runPolicy;
    }

    public void setRunPolicy(RunPolicy runPolicy) {
        this.runPolicy = runPolicy;
    }

    public Map<String, ReplicaSpec> getJaxReplicaSpecs() {
        return jaxReplicaSpecs;
    }

    public void setJaxReplicaSpecs(Map<String, ReplicaSpec> jaxReplicaSpecs) {
        this.jaxReplicaSpecs = jaxReplicaSpecs;
    }

    @Override
    public Map<String, ReplicaSpec> replicaSpecs() {
        return jaxReplicaSpecs;
    }

    @Override
    public void replicaSpecs(Map<String, ReplicaSpec> specs) {
        this.jaxReplicaSpecs = specs;
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

package dev.quarkflow.training.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Required;

/** Desired state of a MPIJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MPIJobSpec implements JobSpec {

    private RunPolicy runPolicy;
    private Integer slotsPerWorker;
    private String cleanPodPolicy;
    private String mainContainer;
    @Required
    private Map<String, ReplicaSpec> mpiReplicaSpecs;

    public RunPolicy getRunPolicy() {
        return runPolicy;
    }

    public void setRunPolicy(RunPolicy runPolicy) {
        this.runPolicy = runPolicy;
    }

    public Integer getSlotsPerWorker() {
        return slotsPerWorker;
    }

    public void setSlotsPerWorker(Integer slotsPerWorker) {
        this.slotsPerWorker = slotsPerWorker;
    }

    public String getCleanPodPolicy() {
        return cleanPodPolicy;
    }

    public void setCleanPodPolicy(String cleanPodPolicy) {
        this.cleanPodPolicy = cleanPodPolicy;
    }

    public String getMainContainer() {
        return mainContainer;
    }

    public void setMainContainer(String mainContainer) {
        this.mainContainer = mainContainer;
    }

    public Map<String, ReplicaSpec> getMpiReplicaSpecs() {
        return mpiReplicaSpecs;
    }

    public void setMpiReplicaSpecs(Map<String, ReplicaSpec> mpiReplicaSpecs) {
        this.mpiReplicaSpecs = mpiReplicaSpecs;
    }

    @Override
    public Map<String, ReplicaSpec> replicaSpecs() {
        return mpiReplicaSpecs;
    }

    @Override
    public void replicaSpecs(Map<String, ReplicaSpec> specs) {
        this.mpiReplicaSpecs = specs;
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

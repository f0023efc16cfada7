package dev.quarkflow.training.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** One replica group of a job: how many pods, their template and how they restart. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicaSpec {

    private Integer replicas;
    private PodTemplateSpec template;
    private String restartPolicy;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public PodTemplateSpec getTemplate() {
        return template;
    }

    public void setTemplate(PodTemplateSpec template) {
        this.template = template;
    }

    public String getRestartPolicy() {
        return restartPolicy;
    }

    public void setRestartPolicy(String restartPolicy) {
        this.restartPolicy = restartPolicy;
    }

}

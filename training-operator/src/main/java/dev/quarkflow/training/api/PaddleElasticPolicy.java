package dev.quarkflow.training.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;

/** Paddle elastic training ({@code spec.elasticPolicy} of a PaddleJob). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PaddleElasticPolicy {

    private Integer minReplicas;
    private Integer maxReplicas;
    private Integer maxRestarts;
    private List<MetricSpec> metrics;

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getMaxRestarts() {
        return maxRestarts;
    }

    public void setMaxRestarts(Integer maxRestarts) {
        this.maxRestarts = maxRestarts;
    }

    public List<MetricSpec> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<MetricSpec> metrics) {
        this.metrics = metrics;
    }

}

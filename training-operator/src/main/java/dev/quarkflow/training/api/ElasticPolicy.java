package dev.quarkflow.training.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;

/** PyTorch elastic training ({@code spec.elasticPolicy}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ElasticPolicy {

    private Integer minReplicas;
    private Integer maxReplicas;
    private String rdzvBackend;
    private Integer rdzvPort;
    private String rdzvHost;
    private String rdzvId;
    private List<RdzvConf> rdzvConf;
    private Boolean standalone;
    @JsonProperty("nProcPerNode")
    private Integer nProcPerNode;
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

    public String getRdzvBackend() {
        return rdzvBackend;
    }

    public void setRdzvBackend(String rdzvBackend) {
        this.rdzvBackend = rdzvBackend;
    }

    public Integer getRdzvPort() {
        return rdzvPort;
    }

    public void setRdzvPort(Integer rdzvPort) {
        this.rdzvPort = rdzvPort;
    }

    public String getRdzvHost() {
        return rdzvHost;
    }

    public void setRdzvHost(String rdzvHost) {
        this.rdzvHost = rdzvHost;
    }

    public String getRdzvId() {
        return rdzvId;
    }

    public void setRdzvId(String rdzvId) {
        this.rdzvId = rdzvId;
    }

    public List<RdzvConf> getRdzvConf() {
        return rdzvConf;
    }

    public void setRdzvConf(List<RdzvConf> rdzvConf) {
        this.rdzvConf = rdzvConf;
    }

    public Boolean getStandalone() {
        return standalone;
    }

    public void setStandalone(Boolean standalone) {
        this.standalone = standalone;
    }

    public Integer getNProcPerNode() {
        return nProcPerNode;
    }

    public void setNProcPerNode(Integer nProcPerNode) {
        this.nProcPerNode = nProcPerNode;
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

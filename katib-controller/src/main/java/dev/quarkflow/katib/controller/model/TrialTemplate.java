package dev.quarkflow.katib.controller.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code spec.trialTemplate}: the workload of every trial, inline ({@code trialSpec}) or from a ConfigMap. */
public class TrialTemplate extends Extensible {
    public Boolean retain;
    public ObjectNode trialSpec;
    public ConfigMapSource configMap;
    public List<TrialParameterSpec> trialParameters;
    public Map<String, String> primaryPodLabels;
    public String primaryContainerName;
    public String successCondition;
    public String failureCondition;

    public List<TrialParameterSpec> trialParametersOrEmpty() {
        return trialParameters == null ? List.of() : trialParameters;
    }

    public static class ConfigMapSource extends Extensible {
        public String configMapName;
        public String configMapNamespace;
        public String templatePath;
    }

    /** {@code ${trialParameters.<name>}} in the template takes the value of {@code reference}. */
    public static class TrialParameterSpec extends Extensible {
        public String name;
        public String description;
        public String reference;
    }
}

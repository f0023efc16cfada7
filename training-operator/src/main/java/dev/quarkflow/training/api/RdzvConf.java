package dev.quarkflow.training.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One {@code key=value} entry of the PyTorch rendezvous configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RdzvConf {

    private String key;
    private String value;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

}

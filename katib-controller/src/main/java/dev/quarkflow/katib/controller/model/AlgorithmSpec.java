package dev.quarkflow.katib.controller.model;

import java.util.List;

/** {@code spec.algorithm} and {@code spec.earlyStopping}: same shape upstream (a name and name/value settings). */
public class AlgorithmSpec extends Extensible {
    public String algorithmName;
    public List<Setting> algorithmSettings;

    public List<Setting> algorithmSettingsOrEmpty() {
        return algorithmSettings == null ? List.of() : algorithmSettings;
    }

    public static class Setting extends Extensible {
        public String name;
        public String value;

        public Setting() {
        }

        public Setting(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}

package dev.quarkflow.katib.controller.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One search-space dimension: {@code spec.parameters[i]} (also used inside NAS operations). */
public class ParameterSpec extends Extensible {
    public String name;
    public String parameterType;
    public FeasibleSpace feasibleSpace = new FeasibleSpace();

    /** Bounds as strings, like upstream: int/double use min/max(/step), categorical/discrete use list. */
    public static class FeasibleSpace extends Extensible {
        public String max;
        public String min;
        public List<String> list;
        public String step;
        public String distribution;

        @JsonIgnore
        public boolean isEmpty() {
            return isBlank(max) && isBlank(min) && (list == null || list.isEmpty()) && isBlank(step)
                    && isBlank(distribution) && unknownFields().isEmpty();
        }

        private static boolean isBlank(String value) {
            return value == null || value.isEmpty();
        }
    }
}

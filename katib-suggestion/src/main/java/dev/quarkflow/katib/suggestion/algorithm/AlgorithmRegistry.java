package dev.quarkflow.katib.suggestion.algorithm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.quarkflow.common.error.QuarkflowException;

/** Every {@link SearchAlgorithm} bean, by name; a name registered twice fails at startup. */
@ApplicationScoped
public class AlgorithmRegistry {

    private final Map<String, SearchAlgorithm> byName;

    @Inject
    public AlgorithmRegistry(Instance<SearchAlgorithm> algorithms) {
        this(algorithms.stream().toList());
    }

    public AlgorithmRegistry(List<SearchAlgorithm> algorithms) {
        Map<String, SearchAlgorithm> map = new TreeMap<>();
        for (SearchAlgorithm algorithm : algorithms) {
            SearchAlgorithm previous = map.put(algorithm.name(), algorithm);
            if (previous != null) {
                throw new IllegalStateException("algorithm " + algorithm.name() + " is registered by both "
                        + previous.getClass().getSimpleName() + " and " + algorithm.getClass().getSimpleName());
            }
        }
        this.byName = Map.copyOf(map);
    }

    public SearchAlgorithm byName(String name) {
        SearchAlgorithm algorithm = byName.get(name);
        if (algorithm == null) {
            throw QuarkflowException.invalidArgument("experiment.spec.algorithm.algorithm_name",
                    "unknown algorithm name " + name);
        }
        return algorithm;
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}

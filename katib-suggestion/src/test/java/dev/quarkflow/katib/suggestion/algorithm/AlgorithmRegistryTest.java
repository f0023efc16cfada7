package dev.quarkflow.katib.suggestion.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every upstream algorithm name has exactly one CDI-discovered implementation. */
@QuarkusTest
class AlgorithmRegistryTest {

    static final List<String> UPSTREAM_NAMES = List.of("random", "grid", "tpe", "multivariate-tpe", "cmaes", "sobol",
            "bayesianoptimization", "hyperband", "pbt", "enas", "darts");

    @Inject
    @Any
    Instance<SearchAlgorithm> algorithms;

    @Test
    void everyUpstreamNameHasExactlyOneImplementation() {
        Map<String, Long> count = algorithms.stream()
                .collect(Collectors.groupingBy(SearchAlgorithm::name, Collectors.counting()));

        assertThat(count).containsOnlyKeys(UPSTREAM_NAMES).allSatisfy((name, n) -> assertThat(n).as(name).isOne());
    }

    @Test
    void registryRefusesTwoImplementationsOfOneName() {
        assertThatThrownBy(() -> new AlgorithmRegistry(List.of(new RandomSearch(), new RandomSearch())))
                .hasMessageContaining("algorithm random is registered by both");
        assertThat(new AlgorithmRegistry(List.of(new GridSearch())).names())
                .containsExactly(Function.<String> identity().apply("grid"));
    }
}

package dev.quarkflow.katib.suggestion.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.common.error.QuarkflowException;

/**
 * The parsed, validated search space of an experiment. Points are {@code double[]} with one coordinate per
 * dimension (see {@link Dimension}); {@link #decode} turns a point into assignment strings in parameter order.
 */
public final class SearchSpace {

    private final List<Dimension> dimensions;

    private SearchSpace(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    /** Parses the experiment's parameters; INVALID_ARGUMENT naming the field for an empty or malformed space. */
    public static SearchSpace of(ExperimentDef experiment) {
        return of(experiment.parameters(), "experiment.spec.parameter_specs.parameters");
    }

    public static SearchSpace of(List<ParameterDef> parameters, String fieldPrefix) {
        if (parameters.isEmpty()) {
            throw QuarkflowException.invalidArgument(fieldPrefix, "the search space has no parameters");
        }
        Set<String> names = new HashSet<>();
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterDef p = parameters.get(i);
            String field = fieldPrefix + "[" + i + "]";
            if (p.name() == null || p.name().isBlank()) {
                throw QuarkflowException.invalidArgument(field + ".name", "parameter name is empty");
            }
            if (!names.add(p.name())) {
                throw QuarkflowException.invalidArgument(field + ".name", "duplicate parameter name " + p.name());
            }
            dimensions.add(dimension(p, field));
        }
        return new SearchSpace(dimensions);
    }

    private static Dimension dimension(ParameterDef p, String field) {
        String space = field + ".feasible_space";
        switch (p.kind()) {
            case CATEGORICAL, DISCRETE -> {
                if (p.list().isEmpty()) {
                    throw QuarkflowException.invalidArgument(space + ".list",
                            "parameter " + p.name() + " of type " + p.kind() + " needs a non-empty list");
                }
                if (p.kind() == ParameterKind.DISCRETE) {
                    for (String value : p.list()) {
                        number(value, space + ".list", p.name(), false);
                    }
                }
                return new ChoiceDimension(p.name(), p.list(), p.kind() == ParameterKind.DISCRETE);
            }
            case INT, DOUBLE -> {
                boolean integer = p.kind() == ParameterKind.INT;
                BigDecimal min = number(p.min(), space + ".min", p.name(), integer);
                BigDecimal max = number(p.max(), space + ".max", p.name(), integer);
                if (min.compareTo(max) > 0) {
                    throw QuarkflowException.invalidArgument(space + ".min",
                            "min " + p.min() + " of parameter " + p.name() + " is greater than max " + p.max());
                }
                BigDecimal step = null;
                if (p.step() != null && !p.step().isBlank()) {
                    step = number(p.step(), space + ".step", p.name(), false);
                    if (step.signum() <= 0) {
                        throw QuarkflowException.invalidArgument(space + ".step",
                                "step " + p.step() + " of parameter " + p.name() + " must be positive");
                    }
                    if (integer && step.stripTrailingZeros().scale() > 0) {
                        // hyperopt accepts fractional INT steps; the grid then rounds to whole numbers
                        step = step.max(BigDecimal.ONE).setScale(0, java.math.RoundingMode.HALF_UP);
                    }
                }
                if (p.scale().logarithmic() && min.signum() <= 0) {
                    throw QuarkflowException.invalidArgument(space + ".min", "parameter " + p.name()
                            + " has a logarithmic distribution, so min must be positive, not " + p.min());
                }
                return new NumericDimension(p.name(), integer, min, max, step, p.scale());
            }
            default -> throw QuarkflowException.invalidArgument(field + ".parameter_type",
                    "parameter " + p.name() + " has no known type");
        }
    }

    private static BigDecimal number(String text, String field, String parameter, boolean integer) {
        if (text == null || text.isBlank()) {
            throw QuarkflowException.invalidArgument(field, "parameter " + parameter + " needs a value here");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument(field,
                    "value " + text + " of parameter " + parameter + " is not a number");
        }
        if (integer && value.stripTrailingZeros().scale() > 0) {
            throw QuarkflowException.invalidArgument(field,
                    "value " + text + " of INT parameter " + parameter + " is not an integer");
        }
        return value;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public int size() {
        return dimensions.size();
    }

    public Dimension get(int index) {
        return dimensions.get(index);
    }

    /** Indexes of the INT/DOUBLE dimensions. */
    public int[] numericIndexes() {
        return indexes(true);
    }

    /** Indexes of the CATEGORICAL/DISCRETE dimensions. */
    public int[] choiceIndexes() {
        return indexes(false);
    }

    private int[] indexes(boolean numeric) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if ((dimensions.get(i) instanceof NumericDimension) == numeric) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    public double[] sample(RandomGenerator rng) {
        double[] point = new double[dimensions.size()];
        for (int i = 0; i < point.length; i++) {
            point[i] = dimensions.get(i).sample(rng);
        }
        return point;
    }

    public Map<String, String> decode(double[] point) {
        Map<String, String> assignments = new LinkedHashMap<>();
        for (int i = 0; i < point.length; i++) {
            Dimension d = dimensions.get(i);
            assignments.put(d.name(), d.format(point[i]));
        }
        return assignments;
    }

    /** The point of a trial's assignments, or empty when a parameter is missing or outside the space. */
    public Optional<double[]> encode(Map<String, String> assignments) {
        double[] point = new double[dimensions.size()];
        for (int i = 0; i < point.length; i++) {
            Dimension d = dimensions.get(i);
            String value = assignments.get(d.name());
            if (value == null) {
                return Optional.empty();
            }
            point[i] = d.coordinate(value.trim());
            if (Double.isNaN(point[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(point);
    }

    /** A point snapped to what its assignments say (so that the model sees values as they will be run). */
    public double[] snap(double[] point) {
        return encode(decode(point)).orElse(point);
    }
}

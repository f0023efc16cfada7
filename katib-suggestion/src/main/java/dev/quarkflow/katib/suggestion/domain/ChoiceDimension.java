package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/** A CATEGORICAL or DISCRETE parameter: the coordinate is the index into its list, values returned verbatim. */
public record ChoiceDimension(String name, List<String> values, boolean numeric) implements Dimension {

    public ChoiceDimension {
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    @Override
    public double sample(RandomGenerator rng) {
        return rng.nextInt(values.size());
    }

    @Override
    public String format(double coordinate) {
        int index = (int) Math.max(0, Math.min(values.size() - 1, Math.round(coordinate)));
        return values.get(index);
    }

    @Override
    public double coordinate(String value) {
        int index = values.indexOf(value);
        if (index < 0 && numeric) {
            for (int i = 0; i < values.size(); i++) {
                if (sameNumber(values.get(i), value)) {
                    return i;
                }
            }
        }
        return index < 0 ? Double.NaN : index;
    }

    @Override
    public List<String> gridValues() {
        return values;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

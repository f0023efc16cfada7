package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One axis of a {@link SearchSpace}. Algorithms see points as {@code double[]}: a numeric axis holds a unit
 * coordinate in [0, 1] (linear or logarithmic between the bounds), a choice axis holds the index of its value.
 */
public sealed interface Dimension permits NumericDimension, ChoiceDimension {

    String name();

    /** A coordinate drawn from the parameter's prior (its distribution). */
    double sample(RandomGenerator rng);

    /** The assignment string for a coordinate (snapped to the step or integer grid, clamped to the bounds). */
    String format(double coordinate);

    /** The coordinate of an assignment string, or NaN when the value lies outside this axis. */
    double coordinate(String value);

    /** The parameter's grid values (for grid search and PBT); a DOUBLE without step has none. */
    List<String> gridValues();
}

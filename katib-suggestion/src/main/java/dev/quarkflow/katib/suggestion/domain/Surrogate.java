package dev.quarkflow.katib.suggestion.domain;

/** A regression model of loss over feature vectors that also says how unsure it is (for acquisition functions). */
public interface Surrogate {

    /** {@code {mean, standard deviation}} at a feature vector. */
    double[] predict(double[] features);
}

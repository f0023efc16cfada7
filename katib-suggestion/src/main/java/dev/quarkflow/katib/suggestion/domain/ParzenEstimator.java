package dev.quarkflow.katib.suggestion.domain;

import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;

/**
 * A Parzen (kernel) density over some dimensions of a {@link SearchSpace}, as TPE uses it: one truncated-normal
 * kernel per observed point on each numeric axis (unit coordinates), one weighted category per point on each choice
 * axis, plus a prior component (centre 0.5, sigma 1, uniform categories) of weight {@code priorWeight}.
 * Bandwidths follow either the neighbour-distance rule (independent TPE) or Scott's rule (multivariate TPE).
 */
public final class ParzenEstimator {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final SearchSpace space;
    private final int[] dims;
    private final double[][] mus; // [component][dim slot]; the last component is the prior
    private final double[][] sigmas;
    private final double[] logWeights;
    private double[][] logMass; // log of each truncated kernel's mass on [0, 1], per component and dim slot

    public ParzenEstimator(SearchSpace space, int[] dims, List<double[]> points, double priorWeight,
            boolean scottBandwidth) {
        this.space = space;
        this.dims = dims.clone();
        int n = points.size();
        mus = new double[n + 1][dims.length];
        sigmas = new double[n + 1][dims.length];
        logWeights = new double[n + 1];
        double total = n + priorWeight;
        for (int j = 0; j < n; j++) {
            logWeights[j] = Math.log(1.0 / total);
        }
        logWeights[n] = Math.log(priorWeight / total);
        for (int s = 0; s < dims.length; s++) {
            for (int j = 0; j < n; j++) {
                mus[j][s] = points.get(j)[dims[s]];
            }
            mus[n][s] = 0.5;
            sigmas[n][s] = 1.0;
            if (space.get(dims[s]) instanceof NumericDimension) {
                bandwidths(s, n, scottBandwidth);
            }
        }
        logMass = new double[n + 1][dims.length];
        for (int j = 0; j <= n; j++) {
            for (int s = 0; s < dims.length; s++) {
                double mass = phi((1 - mus[j][s]) / sigmas[j][s]) - phi(-mus[j][s] / sigmas[j][s]);
                logMass[j][s] = Math.log(Math.max(mass, 1e-300));
            }
        }
    }

    private void bandwidths(int slot, int n, boolean scott) {
        double minSigma = 1.0 / Math.min(100, n + 1);
        if (scott) {
            double sigma = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (dims.length + 4));
            for (int j = 0; j < n; j++) {
                sigmas[j][slot] = Math.max(minSigma, Math.min(1.0, sigma));
            }
            return;
        }
        Integer[] order = new Integer[n + 1];
        for (int j = 0; j <= n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(mus[a][slot], mus[b][slot]));
        for (int r = 0; r <= n; r++) {
            int j = order[r];
            if (j == n) {
                continue;
            }
            double left = r > 0 ? mus[j][slot] - mus[order[r - 1]][slot] : mus[j][slot];
            double right = r < n ? mus[order[r + 1]][slot] - mus[j][slot] : 1 - mus[j][slot];
            sigmas[j][slot] = Math.max(minSigma, Math.min(1.0, Math.max(left, right)));
        }
    }

    /** A point drawn from the mixture; only this estimator's dimensions are set in {@code into}. */
    public void sample(RandomGenerator rng, double[] into) {
        int component = pickComponent(rng);
        for (int s = 0; s < dims.length; s++) {
            Dimension d = space.get(dims[s]);
            if (d instanceof ChoiceDimension choice) {
                into[dims[s]] = component == mus.length - 1 ? rng.nextInt(choice.size())
                        : sampleCategory(rng, s, choice.size());
            } else {
                into[dims[s]] = truncatedNormal(rng, mus[component][s], sigmas[component][s]);
            }
        }
    }

    private int sampleCategory(RandomGenerator rng, int slot, int size) {
        // A point's category keeps most of its mass; the rest spreads like the prior (smoothing as optuna does).
        return rng.nextDouble() < 0.8 ? (int) mus[pickComponentExceptPrior(rng)][slot] : rng.nextInt(size);
    }

    private int pickComponentExceptPrior(RandomGenerator rng) {
        return rng.nextInt(mus.length - 1);
    }

    private int pickComponent(RandomGenerator rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int j = 0; j < logWeights.length; j++) {
            acc += Math.exp(logWeights[j]);
            if (u <= acc) {
                return j;
            }
        }
        return logWeights.length - 1;
    }

    /** log p(point) over this estimator's dimensions (a mixture of products of per-axis kernels). */
    public double logDensity(double[] point) {
        double[] terms = new double[logWeights.length];
        for (int j = 0; j < logWeights.length; j++) {
            double sum = logWeights[j];
            for (int s = 0; s < dims.length; s++) {
                Dimension d = space.get(dims[s]);
                double x = point[dims[s]];
                if (d instanceof ChoiceDimension choice) {
                    boolean prior = j == logWeights.length - 1;
                    double p = prior ? 1.0 / choice.size()
                            : 0.2 / choice.size() + (Math.round(x) == Math.round(mus[j][s]) ? 0.8 : 0);
                    sum += Math.log(p);
                } else {
                    double z = (x - mus[j][s]) / sigmas[j][s];
                    sum += -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigmas[j][s]) - logMass[j][s];
                }
            }
            terms[j] = sum;
        }
        return logSumExp(terms);
    }

    static double truncatedNormal(RandomGenerator rng, double mu, double sigma) {
        for (int i = 0; i < 100; i++) {
            double x = mu + sigma * rng.nextGaussian();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return Math.max(0, Math.min(1, mu));
    }

    private static double phi(double z) {
        return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += FastMath.exp(v - max);
        }
        return max + Math.log(sum);
    }
}

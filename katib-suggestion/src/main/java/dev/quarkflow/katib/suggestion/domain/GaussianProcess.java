package dev.quarkflow.katib.suggestion.domain;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Gaussian-process regression with a Matern 5/2 kernel plus white noise (skopt's default GP kernel), on
 * standardised targets. Length scale and noise are chosen by maximising the log marginal likelihood over a grid;
 * the Cholesky factorisation is Commons Math's.
 */
public final class GaussianProcess implements Surrogate {

    private static final double[] LENGTH_SCALES = { 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.5, 3 };
    private static final double[] NOISES = { 1e-6, 1e-4, 1e-2, 0.1 };

    private final double[][] x;
    private final double lengthScale;
    private final double yMean;
    private final double yStd;
    private final DecompositionSolver solver;
    private final RealVector alpha;

    private GaussianProcess(double[][] x, double lengthScale, double yMean, double yStd, DecompositionSolver solver,
            RealVector alpha) {
        this.x = x;
        this.lengthScale = lengthScale;
        this.yMean = yMean;
        this.yStd = yStd;
        this.solver = solver;
        this.alpha = alpha;
    }

    public static GaussianProcess fit(double[][] x, double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double std = y.length > 1 ? Math.sqrt(var / y.length) : 1;
        if (std < 1e-12) {
            std = 1;
        }
        RealVector target = new ArrayRealVector(y.length);
        for (int i = 0; i < y.length; i++) {
            target.setEntry(i, (y[i] - mean) / std);
        }
        GaussianProcess best = null;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (double l : LENGTH_SCALES) {
            for (double noise : NOISES) {
                RealMatrix k = gram(x, l, noise);
                CholeskyDecomposition cholesky;
                try {
                    cholesky = new CholeskyDecomposition(k, 1e-10, 1e-12);
                } catch (NonPositiveDefiniteMatrixException e) {
                    continue; // this noise level is too small for these points; a larger one follows
                }
                RealVector a = cholesky.getSolver().solve(target);
                double logDet = 0;
                RealMatrix lower = cholesky.getL();
                for (int i = 0; i < y.length; i++) {
                    logDet += Math.log(lower.getEntry(i, i));
                }
                double likelihood = -0.5 * target.dotProduct(a) - logDet;
                if (likelihood > bestLikelihood) {
                    bestLikelihood = likelihood;
                    best = new GaussianProcess(x, l, mean, std, cholesky.getSolver(), a);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no kernel setting gave a positive-definite Gram matrix");
        }
        return best;
    }

    private static RealMatrix gram(double[][] x, double l, double noise) {
        int n = x.length;
        RealMatrix k = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = matern(x[i], x[j], l) + (i == j ? noise : 0);
                k.setEntry(i, j, v);
                k.setEntry(j, i, v);
            }
        }
        return k;
    }

    static double matern(double[] a, double[] b, double l) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        double r = Math.sqrt(5 * sum) / l;
        return (1 + r + r * r / 3) * Math.exp(-r);
    }

    @Override
    public double[] predict(double[] features) {
        RealVector ks = new ArrayRealVector(x.length);
        for (int i = 0; i < x.length; i++) {
            ks.setEntry(i, matern(features, x[i], lengthScale));
        }
        double mean = ks.dotProduct(alpha);
        double variance = Math.max(1e-12, 1 - ks.dotProduct(solver.solve(ks)));
        return new double[] { yMean + yStd * mean, yStd * Math.sqrt(variance) };
    }
}

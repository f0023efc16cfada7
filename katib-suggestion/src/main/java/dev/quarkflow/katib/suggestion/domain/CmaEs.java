package dev.quarkflow.katib.suggestion.domain;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Ask/tell CMA-ES (Hansen's (mu/mu_w, lambda) strategy with rank-one and rank-mu updates and cumulative step-size
 * adaptation) over the unit cube. Eigen-decompositions come from Commons Math. Points outside the cube are
 * resampled, then clipped.
 */
public final class CmaEs {

    private final int n;
    private final int lambda;
    private final double[] weights;
    private final double mueff;
    private final double cc;
    private final double cs;
    private final double c1;
    private final double cmu;
    private final double damps;
    private final double chiN;

    private RealVector mean;
    private double sigma;
    private RealMatrix c;
    private RealMatrix b;
    private double[] d;
    private RealVector pc;
    private RealVector ps;
    private int generation;
    private boolean flat;

    public CmaEs(double[] initialMean, double initialSigma, int lambda) {
        this.n = initialMean.length;
        this.lambda = lambda;
        int mu = lambda / 2;
        double[] raw = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sum += raw[i];
        }
        weights = new double[mu];
        double sumSquares = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = raw[i] / sum;
            sumSquares += weights[i] * weights[i];
        }
        mueff = 1 / sumSquares;
        cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        cs = (mueff + 2) / (n + mueff + 5);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
        cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
        damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        mean = new ArrayRealVector(initialMean);
        sigma = initialSigma;
        c = MatrixUtils.createRealIdentityMatrix(n);
        b = MatrixUtils.createRealIdentityMatrix(n);
        d = new double[n];
        Arrays.fill(d, 1.0);
        pc = new ArrayRealVector(n);
        ps = new ArrayRealVector(n);
    }

    /** Hansen's default population size, 4 + floor(3 ln n). */
    public static int defaultPopulation(int dimensions) {
        return 4 + (int) Math.floor(3 * Math.log(dimensions));
    }

    public int populationSize() {
        return lambda;
    }

    public double sigma() {
        return sigma;
    }

    public double[] mean() {
        return mean.toArray();
    }

    public double[] ask(RandomGenerator rng) {
        double[] x = new double[n];
        for (int attempt = 0; attempt < 100; attempt++) {
            RealVector z = new ArrayRealVector(n);
            for (int i = 0; i < n; i++) {
                z.setEntry(i, d[i] * rng.nextGaussian());
            }
            x = mean.add(b.operate(z).mapMultiply(sigma)).toArray();
            if (inside(x)) {
                return x;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(0, Math.min(1, x[i]));
        }
        return x;
    }

    private static boolean inside(double[] x) {
        for (double v : x) {
            if (v < 0 || v > 1) {
                return false;
            }
        }
        return true;
    }

    /** Updates the distribution from one generation's points and losses (lower is better). */
    public void tell(List<double[]> points, double[] losses) {
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(losses[x], losses[y]));
        int mu = Math.min(weights.length, points.size());
        RealVector old = mean;
        RealVector newMean = new ArrayRealVector(n);
        RealVector[] ys = new RealVector[mu];
        for (int i = 0; i < mu; i++) {
            RealVector xi = new ArrayRealVector(points.get(order[i]));
            ys[i] = xi.subtract(old).mapDivide(sigma);
            newMean = newMean.add(xi.mapMultiply(weights[i]));
        }
        mean = newMean;
        RealVector yw = mean.subtract(old).mapDivide(sigma);

        RealMatrix invSqrt = b.multiply(MatrixUtils.createRealDiagonalMatrix(inverse(d))).multiply(b.transpose());
        ps = ps.mapMultiply(1 - cs).add(invSqrt.operate(yw).mapMultiply(Math.sqrt(cs * (2 - cs) * mueff)));
        generation++;
        double psNorm = ps.getNorm();
        boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (n + 1);
        pc = pc.mapMultiply(1 - cc).add(yw.mapMultiply(hsig ? Math.sqrt(cc * (2 - cc) * mueff) : 0));

        RealMatrix rankOne = pc.outerProduct(pc);
        RealMatrix rankMu = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < mu; i++) {
            rankMu = rankMu.add(ys[i].outerProduct(ys[i]).scalarMultiply(weights[i]));
        }
        double correction = hsig ? 0 : cc * (2 - cc);
        c = c.scalarMultiply(1 - c1 - cmu + c1 * correction).add(rankOne.scalarMultiply(c1))
                .add(rankMu.scalarMultiply(cmu));
        sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
        sigma = Math.min(sigma, 1e3);
        decompose();
        int kth = order[Math.min(order.length - 1, (int) Math.ceil(0.7 * order.length))];
        flat = losses[order[0]] == losses[kth];
    }

    private void decompose() {
        RealMatrix symmetric = c.add(c.transpose()).scalarMultiply(0.5);
        EigenDecomposition eigen = new EigenDecomposition(symmetric);
        b = eigen.getV();
        double[] values = eigen.getRealEigenvalues();
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(Math.max(values[i], 1e-20));
        }
        c = symmetric;
    }

    private static double[] inverse(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = 1 / values[i];
        }
        return result;
    }

    /** Stagnation: tiny steps, an ill-conditioned covariance, or a flat generation. */
    public boolean shouldStop() {
        double maxD = Arrays.stream(d).max().orElse(1);
        double minD = Arrays.stream(d).min().orElse(1);
        return sigma * maxD < 1e-11 || (maxD / minD) * (maxD / minD) > 1e14 || flat;
    }
}

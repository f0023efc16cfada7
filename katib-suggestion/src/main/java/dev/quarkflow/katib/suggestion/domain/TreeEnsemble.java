package dev.quarkflow.katib.suggestion.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Tree ensembles for skopt's other base estimators: random forest (bootstrap samples, best split),
 * extra trees (whole sample, random thresholds) and gradient-boosted trees (least-squares boosting of shallow
 * trees, several boosted models on bootstrap samples). The prediction is the ensemble mean, the uncertainty its
 * spread, as skopt's forests report it.
 */
public final class TreeEnsemble implements Surrogate {

    public enum Kind {
        RF,
        ET,
        GBRT
    }

    private static final int MIN_LEAF = 1;

    private final List<Model> models;

    private interface Model {
        double predict(double[] features);
    }

    private TreeEnsemble(List<Model> models) {
        this.models = List.copyOf(models);
    }

    public static TreeEnsemble fit(Kind kind, double[][] x, double[] y, RandomGenerator rng) {
        List<Model> models = new ArrayList<>();
        switch (kind) {
            case RF -> {
                for (int t = 0; t < 50; t++) {
                    int[] rows = bootstrap(rng, x.length);
                    models.add(Node.grow(x, y, rows, false, rng, 64));
                }
            }
            case ET -> {
                for (int t = 0; t < 50; t++) {
                    models.add(Node.grow(x, y, all(x.length), true, rng, 64));
                }
            }
            case GBRT -> {
                for (int t = 0; t < 5; t++) {
                    models.add(boosted(x, y, bootstrap(rng, x.length), rng));
                }
            }
        }
        return new TreeEnsemble(models);
    }

    private static Model boosted(double[][] x, double[] y, int[] rows, RandomGenerator rng) {
        double base = Arrays.stream(rows).mapToDouble(r -> y[r]).average().orElse(0);
        double[] residual = new double[y.length];
        for (int r : rows) {
            residual[r] = y[r] - base;
        }
        List<Node> stages = new ArrayList<>();
        double rate = 0.1;
        for (int stage = 0; stage < 50; stage++) {
            Node tree = Node.grow(x, residual, rows, false, rng, 3);
            stages.add(tree);
            for (int r : rows) {
                residual[r] -= rate * tree.predict(x[r]);
            }
        }
        return features -> {
            double sum = base;
            for (Node n : stages) {
                sum += rate * n.predict(features);
            }
            return sum;
        };
    }

    private static int[] bootstrap(RandomGenerator rng, int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = rng.nextInt(n);
        }
        return rows;
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    @Override
    public double[] predict(double[] features) {
        double[] values = models.stream().mapToDouble(m -> m.predict(features)).toArray();
        double mean = Arrays.stream(values).average().orElse(0);
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        return new double[] { mean, Math.sqrt(var) + 1e-9 };
    }

    /** A regression tree node: a leaf value, or a split on one feature. */
    private record Node(double value, int feature, double threshold, Node left, Node right) implements Model {

        static Node grow(double[][] x, double[] y, int[] rows, boolean randomThreshold, RandomGenerator rng,
                int depthLeft) {
            double mean = Arrays.stream(rows).mapToDouble(r -> y[r]).average().orElse(0);
            if (rows.length < 2 * MIN_LEAF || depthLeft == 0) {
                return new Node(mean, -1, 0, null, null);
            }
            int bestFeature = -1;
            double bestThreshold = 0;
            double bestScore = Double.MAX_VALUE;
            for (int f = 0; f < x[0].length; f++) {
                final int feature = f;
                double lo = Arrays.stream(rows).mapToDouble(r -> x[r][feature]).min().orElse(0);
                double hi = Arrays.stream(rows).mapToDouble(r -> x[r][feature]).max().orElse(0);
                if (hi <= lo) {
                    continue;
                }
                double[] thresholds = randomThreshold ? new double[] { lo + rng.nextDouble() * (hi - lo) }
                        : Arrays.stream(rows).mapToDouble(r -> x[r][feature]).distinct().sorted().toArray();
                for (double t : thresholds) {
                    double score = splitScore(x, y, rows, feature, t);
                    if (score < bestScore) {
                        bestScore = score;
                        bestFeature = feature;
                        bestThreshold = t;
                    }
                }
            }
            if (bestFeature < 0) {
                return new Node(mean, -1, 0, null, null);
            }
            final int feature = bestFeature;
            final double threshold = bestThreshold;
            int[] left = Arrays.stream(rows).filter(r -> x[r][feature] <= threshold).toArray();
            int[] right = Arrays.stream(rows).filter(r -> x[r][feature] > threshold).toArray();
            if (left.length < MIN_LEAF || right.length < MIN_LEAF) {
                return new Node(mean, -1, 0, null, null);
            }
            return new Node(mean, feature, threshold, grow(x, y, left, randomThreshold, rng, depthLeft - 1),
                    grow(x, y, right, randomThreshold, rng, depthLeft - 1));
        }

        private static double splitScore(double[][] x, double[] y, int[] rows, int feature, double threshold) {
            double sumL = 0, sumR = 0, sqL = 0, sqR = 0;
            int nL = 0, nR = 0;
            for (int r : rows) {
                double v = y[r];
                if (x[r][feature] <= threshold) {
                    sumL += v;
                    sqL += v * v;
                    nL++;
                } else {
                    sumR += v;
                    sqR += v * v;
                    nR++;
                }
            }
            if (nL < MIN_LEAF || nR < MIN_LEAF) {
                return Double.MAX_VALUE;
            }
            return (sqL - sumL * sumL / nL) + (sqR - sumR * sumR / nR);
        }

        @Override
        public double predict(double[] features) {
            if (feature < 0) {
                return value;
            }
            return features[feature] <= threshold ? left.predict(features) : right.predict(features);
        }
    }
}

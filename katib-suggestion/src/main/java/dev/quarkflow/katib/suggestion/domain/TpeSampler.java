package dev.quarkflow.katib.suggestion.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Tree-structured Parzen Estimator. Finished trials are split by loss into the best {@code gamma(n)} ("below")
 * and the rest ("above"); points still running, and points already chosen in this batch, count as "above"
 * (constant liar), so a batch spreads out. Each suggestion is the best of {@code candidates} draws from the
 * below-density by {@code log l(x) - log g(x)}. Independent mode models each axis alone; multivariate mode
 * models all axes jointly.
 *
 * @param gamma number of "below" points for n finished trials
 */
public record TpeSampler(int startupTrials, int candidates, double priorWeight, boolean multivariate,
        IntUnaryOperator gamma) {

    public List<double[]> suggest(SearchSpace space, History history, int count, RandomGenerator rng) {
        List<History.Observation> sorted = new ArrayList<>(history.observations());
        sorted.sort(Comparator.comparingDouble(History.Observation::loss));
        List<double[]> liars = new ArrayList<>(history.pending());
        List<double[]> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] point = sorted.size() < Math.max(startupTrials, 1) ? space.sample(rng)
                    : modelled(space, sorted, liars, rng);
            point = space.snap(point);
            result.add(point);
            liars.add(point);
        }
        return result;
    }

    private double[] modelled(SearchSpace space, List<History.Observation> sorted, List<double[]> liars,
            RandomGenerator rng) {
        int nBelow = Math.max(1, Math.min(sorted.size(), gamma.applyAsInt(sorted.size())));
        List<double[]> below = sorted.subList(0, nBelow).stream().map(History.Observation::point).toList();
        List<double[]> above = new ArrayList<>(
                sorted.subList(nBelow, sorted.size()).stream().map(History.Observation::point).toList());
        above.addAll(liars);

        List<int[]> groups = new ArrayList<>();
        if (multivariate) {
            groups.add(allDims(space));
        } else {
            for (int d = 0; d < space.size(); d++) {
                groups.add(new int[] { d });
            }
        }
        double[] best = new double[space.size()];
        for (int[] dims : groups) {
            ParzenEstimator l = new ParzenEstimator(space, dims, below, priorWeight, multivariate);
            ParzenEstimator g = new ParzenEstimator(space, dims, above, priorWeight, multivariate);
            double bestScore = Double.NEGATIVE_INFINITY;
            double[] candidate = new double[space.size()];
            double[] chosen = null;
            for (int c = 0; c < candidates; c++) {
                l.sample(rng, candidate);
                double score = l.logDensity(candidate) - g.logDensity(candidate);
                if (chosen == null || score > bestScore) {
                    bestScore = score;
                    chosen = candidate.clone();
                }
            }
            for (int d : dims) {
                best[d] = chosen[d];
            }
        }
        return best;
    }

    private static int[] allDims(SearchSpace space) {
        int[] all = new int[space.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }
}

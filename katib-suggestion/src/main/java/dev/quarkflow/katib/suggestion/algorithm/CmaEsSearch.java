package dev.quarkflow.katib.suggestion.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.katib.suggestion.domain.CmaEs;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.History;
import dev.quarkflow.katib.suggestion.domain.NumericDimension;
import dev.quarkflow.katib.suggestion.domain.Rngs;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;

/**
 * {@code cmaes} with upstream's settings: {@code sigma} (initial step, in parameter units; default min range / 6),
 * {@code restart_strategy} {@code none} | {@code ipop} | {@code bipop} (optuna's {@code None} means none),
 * {@code random_state}; needs two or more INT/DOUBLE parameters, others are drawn independently as upstream.
 *
 * <p>
 * Stateless: the distribution is rebuilt each call by replaying finished trials, in completion order, in
 * generations of the current population size, restarting (IPOP doubles the population; BIPOP alternates large
 * and small regimes by budget) when a generation stagnates. The restart draws depend on {@code random_state} only.
 */
@ApplicationScoped
public class CmaEsSearch extends HistoryBasedAlgorithm {

    static final String NAME = "cmaes";
    static final Set<String> RESTART_STRATEGIES = Set.of("none", "None", "ipop", "bipop");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SettingRules rules() {
        return SettingRules.forAlgorithm(NAME).oneOf("restart_strategy", RESTART_STRATEGIES)
                .doubleAbove("sigma", 0, false, "sigma should be great than zero").randomState();
    }

    @Override
    void validateSpace(SearchSpace space) {
        if (space.numericIndexes().length < 2) {
            throw QuarkflowException.invalidArgument("experiment.spec.parameter_specs",
                    "cmaes only supports two or more dimensional continuous search space.");
        }
    }

    @Override
    List<double[]> points(ExperimentDef experiment, SearchSpace space, History history, int count,
            RandomGenerator rng, SuggestionRequest request) {
        int[] numeric = space.numericIndexes();
        double sigma0 = initialSigma(experiment, space, numeric);
        String strategy = experiment.settings().stringValue("restart_strategy", "none").toLowerCase();
        Replay replay = new Replay(numeric.length, sigma0, strategy, Rngs.forExperiment(experiment, 3));

        List<History.Observation> finished = history.inCompletionOrder();
        int next = 0;
        while (finished.size() - next >= replay.es.populationSize()) {
            int size = replay.es.populationSize();
            List<double[]> generation = new ArrayList<>();
            double[] losses = new double[size];
            for (int i = 0; i < size; i++) {
                History.Observation o = finished.get(next + i);
                generation.add(project(o.point(), numeric));
                losses[i] = o.loss();
            }
            next += size;
            replay.tell(generation, losses);
        }

        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] point = space.sample(rng);
            double[] x = replay.es.ask(rng);
            for (int k = 0; k < numeric.length; k++) {
                point[numeric[k]] = x[k];
            }
            points.add(point);
        }
        return points;
    }

    private static double initialSigma(ExperimentDef experiment, SearchSpace space, int[] numeric) {
        var sigma = experiment.settings().get("sigma");
        if (sigma.isEmpty()) {
            return 1.0 / 6;
        }
        double minRange = Double.MAX_VALUE;
        for (int i : numeric) {
            NumericDimension d = (NumericDimension) space.get(i);
            minRange = Math.min(minRange, d.high() - d.low());
        }
        double value = experiment.settings().doubleValue("sigma", 1.0 / 6);
        return minRange > 0 ? Math.min(1.0, value / minRange) : 1.0 / 6;
    }

    private static double[] project(double[] point, int[] numeric) {
        double[] x = new double[numeric.length];
        for (int k = 0; k < numeric.length; k++) {
            x[k] = point[numeric[k]];
        }
        return x;
    }

    /** The current CMA-ES and the restart bookkeeping of IPOP / BIPOP. */
    private static final class Replay {
        private final int dimensions;
        private final double sigma0;
        private final String strategy;
        private final RandomGenerator restarts;
        private final int defaultLambda;
        private int largeLambda;
        private long largeBudget;
        private long smallBudget;
        private boolean inSmallRegime;
        CmaEs es;

        Replay(int dimensions, double sigma0, String strategy, RandomGenerator restarts) {
            this.dimensions = dimensions;
            this.sigma0 = sigma0;
            this.strategy = strategy;
            this.restarts = restarts;
            this.defaultLambda = CmaEs.defaultPopulation(dimensions);
            this.largeLambda = defaultLambda;
            this.es = new CmaEs(centre(), sigma0, defaultLambda);
        }

        void tell(List<double[]> generation, double[] losses) {
            es.tell(generation, losses);
            if (inSmallRegime) {
                smallBudget += generation.size();
            } else {
                largeBudget += generation.size();
            }
            if (!es.shouldStop() || strategy.equals("none")) {
                return;
            }
            if (strategy.equals("bipop") && smallBudget < largeBudget) {
                double u = restarts.nextDouble();
                int lambda = (int) Math.floor(defaultLambda * Math.pow(0.5 * largeLambda / defaultLambda, u * u));
                inSmallRegime = true;
                es = new CmaEs(randomMean(), sigma0 * Math.pow(10, -2 * u), Math.max(lambda, 2));
            } else {
                largeLambda *= 2;
                inSmallRegime = false;
                es = new CmaEs(randomMean(), sigma0, largeLambda);
            }
        }

        private double[] centre() {
            double[] mean = new double[dimensions];
            java.util.Arrays.fill(mean, 0.5);
            return mean;
        }

        private double[] randomMean() {
            double[] mean = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                mean[i] = restarts.nextDouble();
            }
            return mean;
        }
    }
}

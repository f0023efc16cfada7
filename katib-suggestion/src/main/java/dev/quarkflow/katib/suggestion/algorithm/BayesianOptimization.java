package dev.quarkflow.katib.suggestion.algorithm;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

import dev.quarkflow.katib.suggestion.domain.ChoiceDimension;
import dev.quarkflow.katib.suggestion.domain.ExperimentDef;
import dev.quarkflow.katib.suggestion.domain.GaussianProcess;
import dev.quarkflow.katib.suggestion.domain.History;
import dev.quarkflow.katib.suggestion.domain.NumericDimension;
import dev.quarkflow.katib.suggestion.domain.SearchSpace;
import dev.quarkflow.katib.suggestion.domain.SettingRules;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.katib.suggestion.domain.Surrogate;
import dev.quarkflow.katib.suggestion.domain.TreeEnsemble;

/**
 * {@code bayesianoptimization} with upstream's scikit-optimize settings: {@code base_estimator} GP | RF | ET | GBRT
 * (default GP), {@code n_initial_points} (default 10 random points first), {@code acq_func} gp_hedge | LCB | EI |
 * PI | EIps | PIps (default gp_hedge), {@code acq_optimizer} auto | sampling | lbfgs (default auto: lbfgs for a
 * GP over a space without choices, else sampling), {@code random_state}.
 *
 * <p>
 * The surrogate is refitted on the finished trials each call; a batch is filled by the constant liar "cl_min"
 * (running trials and already chosen points count as the best loss seen), as skopt's {@code ask(n_points)}.
 * gp_hedge picks EI, PI or LCB at random per point (skopt's gains start at zero in a fresh optimizer, which a
 * stateless service always is). EIps/PIps divide by the predicted run time (a second surrogate over log
 * seconds between the trials' start and completion times). "lbfgs" refines the best sampled points by a bounded
 * compass search on the numeric coordinates (no gradients of the surrogate are taken).
 */
@ApplicationScoped
public class BayesianOptimization extends HistoryBasedAlgorithm {

    static final String NAME = "bayesianoptimization";
    static final int SAMPLED_CANDIDATES = 2000;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double XI = 0.01;
    private static final double KAPPA = 1.96;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SettingRules rules() {
        return SettingRules.forAlgorithm(NAME).oneOf("base_estimator", Set.of("GP", "RF", "ET", "GBRT"))
                .intAtLeast("n_initial_points", 0, "n_initial_points should be great or equal than zero")
                .oneOf("acq_func", Set.of("gp_hedge", "LCB", "EI", "PI", "EIps", "PIps"))
                .oneOf("acq_optimizer", Set.of("auto", "sampling", "lbfgs")).randomState();
    }

    @Override
    List<double[]> points(ExperimentDef experiment, SearchSpace space, History history, int count,
            RandomGenerator rng, SuggestionRequest request) {
        var settings = experiment.settings();
        String estimator = settings.stringValue("base_estimator", "GP");
        String acquisition = settings.stringValue("acq_func", "gp_hedge");
        String optimizer = settings.stringValue("acq_optimizer", "auto");
        boolean localSearch = optimizer.equals("lbfgs")
                || optimizer.equals("auto") && estimator.equals("GP") && space.choiceIndexes().length == 0;

        List<double[]> points = new ArrayList<>();
        if (history.observations().size() < settings.intValue("n_initial_points", 10)) {
            for (int i = 0; i < count; i++) {
                points.add(space.snap(space.sample(rng)));
            }
            return points;
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (History.Observation o : history.observations()) {
            xs.add(features(space, o.point()));
            ys.add(o.loss());
        }
        double lie = history.bestLoss();
        for (double[] p : history.pending()) {
            xs.add(features(space, p));
            ys.add(lie);
        }
        Surrogate runtime = acquisition.endsWith("ps") ? runtimeModel(space, history, estimator, rng) : null;
        for (int i = 0; i < count; i++) {
            Surrogate model = fit(estimator, xs, ys, rng);
            double best = ys.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            String acq = acquisition.equals("gp_hedge") ? List.of("EI", "PI", "LCB").get(rng.nextInt(3)) : acquisition;
            Function<double[], Double> score = p -> acquire(acq, model, runtime, features(space, p), best);
            double[] chosen = optimise(space, score, rng, localSearch);
            points.add(chosen);
            xs.add(features(space, chosen));
            ys.add(lie);
        }
        return points;
    }

    private static Surrogate fit(String estimator, List<double[]> xs, List<Double> ys, RandomGenerator rng) {
        double[][] x = xs.toArray(new double[0][]);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        return estimator.equals("GP") ? GaussianProcess.fit(x, y)
                : TreeEnsemble.fit(TreeEnsemble.Kind.valueOf(estimator), x, y, rng);
    }

    private static Surrogate runtimeModel(SearchSpace space, History history, String estimator,
            RandomGenerator rng) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (History.Observation o : history.observations()) {
            seconds(o.trial().startTime(), o.trial().completionTime()).ifPresent(s -> {
                xs.add(features(space, o.point()));
                ys.add(Math.log(Math.max(s, 1e-3)));
            });
        }
        return xs.isEmpty() ? null : fit(estimator, xs, ys, rng);
    }

    private static java.util.OptionalDouble seconds(String start, String end) {
        try {
            return java.util.OptionalDouble
                    .of(Duration.between(Instant.parse(start), Instant.parse(end)).toMillis() / 1000.0);
        } catch (DateTimeParseException | NullPointerException e) {
            return java.util.OptionalDouble.empty();
        }
    }

    /** Higher is better. */
    static double acquire(String acq, Surrogate model, Surrogate runtime, double[] features, double best) {
        double[] p = model.predict(features);
        double mu = p[0];
        double sigma = Math.max(p[1], 1e-9);
        double value = switch (acq) {
            case "LCB" -> -(mu - KAPPA * sigma);
            case "PI", "PIps" -> STANDARD_NORMAL.cumulativeProbability((best - XI - mu) / sigma);
            default -> {
                double z = (best - XI - mu) / sigma;
                yield (best - XI - mu) * STANDARD_NORMAL.cumulativeProbability(z)
                        + sigma * STANDARD_NORMAL.density(z);
            }
        };
        if (runtime != null && acq.endsWith("ps")) {
            value /= Math.exp(runtime.predict(features)[0]);
        }
        return value;
    }

    private static double[] optimise(SearchSpace space, Function<double[], Double> score, RandomGenerator rng,
            boolean localSearch) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < SAMPLED_CANDIDATES; i++) {
            candidates.add(space.sample(rng));
        }
        List<Scored> scored = new ArrayList<>(candidates.stream().map(c -> new Scored(c, score.apply(c))).toList());
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        Scored best = scored.get(0);
        if (localSearch) {
            for (Scored start : scored.subList(0, Math.min(5, scored.size()))) {
                Scored refined = compassSearch(space, start, score);
                if (refined.score() > best.score()) {
                    best = refined;
                }
            }
        }
        return space.snap(best.point());
    }

    private static Scored compassSearch(SearchSpace space, Scored start, Function<double[], Double> score) {
        int[] numeric = space.numericIndexes();
        Scored current = start;
        double step = 0.05;
        int evaluations = 0;
        while (step > 1e-3 && evaluations < 60) {
            boolean improved = false;
            for (int d : numeric) {
                for (double direction : new double[] { step, -step }) {
                    double[] moved = current.point().clone();
                    moved[d] = Math.max(0, Math.min(1, moved[d] + direction));
                    double s = score.apply(moved);
                    evaluations++;
                    if (s > current.score()) {
                        current = new Scored(moved, s);
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return current;
    }

    private record Scored(double[] point, double score) {
    }

    /** Numeric unit coordinates, choices one-hot. */
    static double[] features(SearchSpace space, double[] point) {
        int width = 0;
        for (var d : space.dimensions()) {
            width += d instanceof ChoiceDimension c ? c.size() : 1;
        }
        double[] f = new double[width];
        int k = 0;
        for (int i = 0; i < space.size(); i++) {
            var d = space.get(i);
            if (d instanceof NumericDimension) {
                f[k++] = point[i];
            } else {
                ChoiceDimension c = (ChoiceDimension) d;
                f[k + (int) Math.round(point[i])] = 1;
                k += c.size();
            }
        }
        return f;
    }
}

package dev.quarkflow.katib.suggestion.nas;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The ENAS controller: a policy over architectures (per layer an operation, and a skip connection to each earlier
 * layer) trained by REINFORCE with an exponential-moving-average baseline, an entropy bonus and a penalty pulling
 * the skip rate towards {@code skipTarget}, with upstream's temperature and tanh squashing of the logits.
 * Upstream uses an LSTM whose hidden size is a setting; this policy has independent logits per decision instead,
 * so {@code controller_hidden_size} has no effect here.
 */
public final class EnasController {

    /** Upstream's settings; NaN means "None" (that term is switched off). */
    public record Settings(double temperature, double tanhConst, double entropyWeight, double baselineDecay,
            double learningRate, double skipTarget, double skipWeight, int trainSteps) {
    }

    private final int layers;
    private final int operations;
    private final Settings settings;
    private final double[][] opLogits;
    private final double[][] skipLogits;
    private double baseline;
    private boolean baselineSet;

    public EnasController(int layers, int operations, Settings settings) {
        this.layers = layers;
        this.operations = operations;
        this.settings = settings;
        this.opLogits = new double[layers][operations];
        this.skipLogits = new double[layers][layers];
    }

    /** One REINFORCE pass per train step over the evaluated architectures (reward: higher is better). */
    public void train(List<List<List<Integer>>> architectures, List<Double> rewards) {
        for (int step = 0; step < settings.trainSteps(); step++) {
            for (int a = 0; a < architectures.size(); a++) {
                update(architectures.get(a), rewards.get(a));
            }
        }
    }

    private void update(List<List<Integer>> arc, double reward) {
        double entropy = entropy();
        double r = reward + (Double.isNaN(settings.entropyWeight()) ? 0 : settings.entropyWeight() * entropy);
        if (!baselineSet) {
            baseline = r;
            baselineSet = true;
        } else {
            baseline = settings.baselineDecay() * baseline + (1 - settings.baselineDecay()) * r;
        }
        double advantage = r - baseline;
        double lr = settings.learningRate();
        double skipRate = expectedSkipRate();
        for (int l = 0; l < layers && l < arc.size(); l++) {
            List<Integer> layer = arc.get(l);
            double[] p = softmax(squash(opLogits[l]));
            int op = layer.get(0);
            for (int k = 0; k < operations; k++) {
                double grad = ((k == op ? 1 : 0) - p[k]) * squashDerivative(opLogits[l][k]);
                opLogits[l][k] += lr * advantage * grad;
            }
            for (int j = 0; j < l && j + 1 < layer.size(); j++) {
                double q = sigmoid(squash(skipLogits[l][j]));
                double grad = (layer.get(j + 1) - q) * squashDerivative(skipLogits[l][j]);
                double penalty = Double.isNaN(settings.skipWeight()) ? 0
                        : settings.skipWeight() * (skipRate - settings.skipTarget()) * q * (1 - q);
                skipLogits[l][j] += lr * (advantage * grad - penalty * squashDerivative(skipLogits[l][j]));
            }
        }
    }

    public List<List<Integer>> sample(RandomGenerator rng) {
        List<List<Integer>> arc = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            List<Integer> layer = new ArrayList<>();
            double[] p = softmax(squash(opLogits[l]));
            double u = rng.nextDouble();
            int op = operations - 1;
            double acc = 0;
            for (int k = 0; k < operations; k++) {
                acc += p[k];
                if (u <= acc) {
                    op = k;
                    break;
                }
            }
            layer.add(op);
            for (int j = 0; j < l; j++) {
                layer.add(rng.nextDouble() < sigmoid(squash(skipLogits[l][j])) ? 1 : 0);
            }
            arc.add(layer);
        }
        return arc;
    }

    /** Probability of choosing operation {@code op} at layer {@code layer} (for tests and logs). */
    public double operationProbability(int layer, int op) {
        return softmax(squash(opLogits[layer]))[op];
    }

    private double expectedSkipRate() {
        double sum = 0;
        int count = 0;
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < l; j++) {
                sum += sigmoid(squash(skipLogits[l][j]));
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private double entropy() {
        double h = 0;
        for (int l = 0; l < layers; l++) {
            for (double p : softmax(squash(opLogits[l]))) {
                h -= p > 0 ? p * Math.log(p) : 0;
            }
        }
        return h;
    }

    private double squash(double logit) {
        double x = Double.isNaN(settings.temperature()) ? logit : logit / settings.temperature();
        return Double.isNaN(settings.tanhConst()) ? x : settings.tanhConst() * Math.tanh(x);
    }

    private double[] squash(double[] logits) {
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = squash(logits[i]);
        }
        return out;
    }

    private double squashDerivative(double logit) {
        double t = Double.isNaN(settings.temperature()) ? 1 : settings.temperature();
        if (Double.isNaN(settings.tanhConst())) {
            return 1 / t;
        }
        double th = Math.tanh(logit / t);
        return settings.tanhConst() * (1 - th * th) / t;
    }

    private static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(x[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < x.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}

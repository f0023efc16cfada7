package dev.quarkflow.katib.suggestion.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * An INT or DOUBLE range. The unit coordinate maps linearly onto [min, max], or onto [ln min, ln max] for the
 * logarithmic distributions; NORMAL and LOG_NORMAL priors centre on the middle with sigma = range / 6 (in log
 * space for LOG_NORMAL), as upstream's hyperopt service does. Values snap to {@code min + k * step}.
 */
public record NumericDimension(String name, boolean integer, BigDecimal min, BigDecimal max, BigDecimal step,
        Scale scale) implements Dimension {

    /** Draws from a truncated normal by rejection; after this many misses the draw is clamped. */
    private static final int NORMAL_TRIES = 64;

    public double low() {
        return transform(min.doubleValue());
    }

    public double high() {
        return transform(max.doubleValue());
    }

    public boolean hasStep() {
        return step != null;
    }

    /** The number of distinct values, or -1 when continuous. */
    public long distinctValues() {
        if (hasStep()) {
            return max.subtract(min).divideToIntegralValue(step).longValue() + 1;
        }
        return integer ? max.subtract(min).longValue() + 1 : -1;
    }

    @Override
    public double sample(RandomGenerator rng) {
        if (!scale.normal()) {
            return rng.nextDouble();
        }
        for (int i = 0; i < NORMAL_TRIES; i++) {
            double u = 0.5 + rng.nextGaussian() / 6;
            if (u >= 0 && u <= 1) {
                return u;
            }
        }
        return 0.5;
    }

    @Override
    public String format(double coordinate) {
        double u = Math.max(0, Math.min(1, coordinate));
        double value = untransform(low() + u * (high() - low()));
        if (hasStep()) {
            long k = Math.round((value - min.doubleValue()) / step.doubleValue());
            long last = distinctValues() - 1;
            k = Math.max(0, Math.min(last, k));
            BigDecimal snapped = min.add(step.multiply(BigDecimal.valueOf(k)));
            return integer ? snapped.toBigInteger().toString() : plain(snapped);
        }
        if (integer) {
            long rounded = Math.round(value);
            rounded = Math.max(min.longValue(), Math.min(max.longValue(), rounded));
            return Long.toString(rounded);
        }
        return formatDouble(Math.max(min.doubleValue(), Math.min(max.doubleValue(), value)));
    }

    @Override
    public double coordinate(String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        if (parsed < min.doubleValue() - 1e-9 || parsed > max.doubleValue() + 1e-9) {
            return Double.NaN;
        }
        return unit(parsed);
    }

    /** The unit coordinate of a value inside the bounds. */
    public double unit(double value) {
        double span = high() - low();
        if (span <= 0) {
            return 0.5;
        }
        double clamped = Math.max(min.doubleValue(), Math.min(max.doubleValue(), value));
        return (transform(clamped) - low()) / span;
    }

    @Override
    public List<String> gridValues() {
        if (!hasStep() && !integer) {
            return List.of();
        }
        BigDecimal increment = hasStep() ? step : BigDecimal.ONE;
        List<String> values = new ArrayList<>();
        for (BigDecimal v = min; v.compareTo(max) <= 0; v = v.add(increment)) {
            values.add(integer ? v.toBigInteger().toString() : plain(v));
        }
        return values;
    }

    private double transform(double value) {
        return scale.logarithmic() ? Math.log(value) : value;
    }

    private double untransform(double value) {
        return scale.logarithmic() ? Math.exp(value) : value;
    }

    /**
     * Twelve significant digits without exponent notation: enough for any search, and free of the last-bit noise
     * a log/exp round trip leaves ({@code 0.1} stays {@code "0.1"}).
     */
    public static String formatDouble(double value) {
        return plain(new BigDecimal(value).round(new MathContext(12)));
    }

    private static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}

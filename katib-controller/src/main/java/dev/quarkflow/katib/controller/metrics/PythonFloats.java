package dev.quarkflow.katib.controller.metrics;

import java.math.BigDecimal;

/**
 * Floats printed as Python's {@code str(float)} and NumPy's {@code str(float32)} print them: the shortest digits that
 * read back to the same value, positional between 1e-4 and 1e16 ({@code 0.0001}, {@code 100.0}), scientific outside
 * ({@code 1e-05}, {@code 1.5e+16}), {@code nan}, {@code inf}. Upstream's collectors report values this way.
 */
public final class PythonFloats {

    private PythonFloats() {
    }

    public static String repr(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return special(value);
        }
        return format(Double.toString(value), value);
    }

    /** NumPy float32: the shortest digits for a float, not for the double it widens to. */
    public static String repr(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return special(value);
        }
        return format(Float.toString(value), value);
    }

    private static String special(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }

    private static String format(String javaShortest, double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(javaShortest).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = decimal.unscaledValue().abs().toString();
        StringBuilder text = new StringBuilder(decimal.signum() < 0 ? "-" : "");
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        text.append(magnitude < 10 ? "0" : "").append(magnitude);
        return text.toString();
    }
}

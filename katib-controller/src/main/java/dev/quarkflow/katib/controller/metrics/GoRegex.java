package dev.quarkflow.katib.controller.metrics;

import java.util.regex.Pattern;

/**
 * Compiles a metrics filter written for Go's RE2, where a {@code {} that does not start a repetition ({@code {n}},
 * {@code {n,}}, {@code {n,m}} after an atom) is a literal; Java would reject it. Upstream's own example filter
 * {@code {metricName: ([\w|-]+), metricValue: ((-?\d+)(\.\d+)?)}} relies on that.
 */
public final class GoRegex {

    private static final Pattern REPETITION = Pattern.compile("\\{\\d+(,\\d*)?}");

    private GoRegex() {
    }

    public static Pattern compile(String regex) {
        return Pattern.compile(toJava(regex));
    }

    static String toJava(String regex) {
        StringBuilder java = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (!inClass && (c == '{' || c == '}') && !startsRepetition(regex, i, java)) {
                java.append('\\').append(c);
                continue;
            }
            java.append(c);
        }
        return java.toString();
    }

    private static boolean startsRepetition(String regex, int index, StringBuilder before) {
        if (regex.charAt(index) == '}') {
            return closesRepetition(before);
        }
        var matcher = REPETITION.matcher(regex).region(index, regex.length());
        if (!matcher.lookingAt() || before.isEmpty()) {
            return false;
        }
        char previous = before.charAt(before.length() - 1);
        return previous != '(' && previous != '|';
    }

    private static boolean closesRepetition(StringBuilder before) {
        int open = before.lastIndexOf("{");
        return open > 0 && before.charAt(open - 1) != '\\'
                && REPETITION.matcher(before.substring(open) + "}").matches();
    }
}

package dev.quarkflow.katib.controller.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples of the Prometheus text exposition format (version 0.0.4) whose metric name is one of the experiment's
 * metrics: {@code name{labels} value [timestamp-ms]}; {@code #} lines and other names are ignored. A sample's own
 * timestamp is used when it has one, else the scrape time; the value is kept as written.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** A line that is not a sample; the message names the line. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    public static List<MetricLog> parse(String body, List<String> metricNames, Instant scrapedAt)
            throws FormatException {
        List<MetricLog> logs = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && !Character.isWhitespace(
                    line.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = line.substring(0, nameEnd);
            int rest = nameEnd;
            if (rest < line.length() && line.charAt(rest) == '{') {
                rest = labelsEnd(line, rest, n);
            }
            String[] tokens = line.substring(rest).strip().split("\\s+");
            if (name.isEmpty() || tokens.length == 0 || tokens[0].isEmpty() || tokens.length > 2) {
                throw new FormatException("line " + (n + 1) + ": not a sample: " + line);
            }
            if (!metricNames.contains(name)) {
                continue;
            }
            Instant time = scrapedAt;
            if (tokens.length == 2) {
                try {
                    time = Instant.ofEpochMilli(Long.parseLong(tokens[1]));
                } catch (NumberFormatException e) {
                    throw new FormatException("line " + (n + 1) + ": timestamp is not milliseconds: " + tokens[1]);
                }
            }
            logs.add(new MetricLog(time.toString(), name, tokens[0]));
        }
        return logs;
    }

    /** Index after the closing brace of the label set starting at {@code open}, quoted values and escapes skipped. */
    private static int labelsEnd(String line, int open, int n) throws FormatException {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i + 1;
            }
        }
        throw new FormatException("line " + (n + 1) + ": label set not closed: " + line);
    }
}

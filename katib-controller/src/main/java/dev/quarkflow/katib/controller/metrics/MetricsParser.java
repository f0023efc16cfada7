package dev.quarkflow.katib.controller.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarkflow.katib.controller.model.Observation;

/**
 * Upstream's file/stdout metrics collector parsing (facts §8). TEXT: {@code name=value} pairs by the default filter or
 * the experiment's filters (two capture groups: name, value), only on lines mentioning a metric name, with an optional
 * leading RFC 3339 timestamp. JSON: one object per line, metric values must be JSON strings, optional
 * {@code timestamp} (RFC 3339 string or epoch seconds). When the objective never appears, a single {@code unavailable}
 * log for it is the result.
 */
public final class MetricsParser {

    public static final String DEFAULT_FILTER = "([\\w|-]+)\\s*=\\s*([+-]?\\d*(\\.\\d+)?([Ee][+-]?\\d+)?)";
    private static final String TIMESTAMP_KEY = "timestamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsParser() {
    }

    /** Thrown for a JSON metrics file with a line that is not a JSON object (upstream aborts the parse). */
    public static final class MetricsFormatException extends Exception {
        public MetricsFormatException(String message) {
            super(message);
        }
    }

    /** @param metricNames the objective first, then the additional metrics */
    public static List<MetricLog> parseText(List<String> lines, List<String> metricNames, List<String> filters) {
        List<Pattern> patterns = (filters == null || filters.isEmpty() ? List.of(DEFAULT_FILTER) : filters).stream()
                .map(GoRegex::compile).toList();
        List<MetricLog> logs = new ArrayList<>();
        for (String line : lines) {
            if (metricNames.stream().noneMatch(line::contains)) {
                continue;
            }
            String timestamp = MetricLog.ZERO_TIME;
            String[] firstAndRest = line.split(" ", 2);
            if (firstAndRest.length == 2 && isRfc3339(firstAndRest[0])) {
                timestamp = firstAndRest[0];
            }
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(line);
                while (matcher.find()) {
                    if (matcher.groupCount() < 2) {
                        continue;
                    }
                    String name = trim(matcher.group(1));
                    String value = trim(matcher.group(2));
                    if (metricNames.contains(name)) {
                        logs.add(new MetricLog(timestamp, name, value));
                    }
                }
            }
        }
        return orUnavailable(logs, metricNames);
    }

    public static List<MetricLog> parseJson(List<String> lines, List<String> metricNames)
            throws MetricsFormatException {
        List<MetricLog> logs = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode object;
            try {
                object = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new MetricsFormatException("failed to parse the json object: " + e.getOriginalMessage());
            }
            if (object == null || !object.isObject()) {
                throw new MetricsFormatException("failed to parse the json object: " + line);
            }
            String timestamp = jsonTimestamp(object.get(TIMESTAMP_KEY));
            for (String metric : metricNames) {
                JsonNode value = object.get(metric);
                if (value != null && value.isTextual()) {
                    logs.add(new MetricLog(timestamp, metric, value.asText()));
                }
            }
        }
        return orUnavailable(logs, metricNames);
    }

    private static String jsonTimestamp(JsonNode timestamp) {
        if (timestamp == null) {
            return MetricLog.ZERO_TIME;
        }
        if (timestamp.isTextual()) {
            return isRfc3339(timestamp.asText()) ? timestamp.asText() : MetricLog.ZERO_TIME;
        }
        if (timestamp.isNumber()) {
            BigDecimal seconds = timestamp.decimalValue();
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos).toString();
        }
        return MetricLog.ZERO_TIME;
    }

    private static List<MetricLog> orUnavailable(List<MetricLog> logs, List<String> metricNames) {
        String objective = metricNames.get(0);
        if (logs.stream().noneMatch(log -> log.name().equals(objective))) {
            return List.of(new MetricLog(MetricLog.ZERO_TIME, objective, Observation.UNAVAILABLE));
        }
        return logs;
    }

    static boolean isRfc3339(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}

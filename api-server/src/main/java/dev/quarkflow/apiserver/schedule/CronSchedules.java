package dev.quarkflow.apiserver.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import dev.quarkflow.common.error.QuarkflowException;

/**
 * Upstream's cron dialect (robfig/cron v1 {@code Parse}): six fields with seconds first
 * ({@code sec min hour dom month dow}, day-of-week optional, 0 = Sunday, names allowed), and the descriptors
 * {@code @yearly @annually @monthly @weekly @daily @midnight @hourly} and {@code @every <Go duration>}.
 */
public final class CronSchedules {

    private static final CronDefinition ROBFIG_V1 = CronDefinitionBuilder.defineCron()
            .withSeconds().and()
            .withMinutes().and()
            .withHours().and()
            .withDayOfMonth().supportsQuestionMark().and()
            .withMonth().and()
            .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).supportsQuestionMark().optional().and()
            .instance();
    private static final CronParser PARSER = new CronParser(ROBFIG_V1);
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
            "@hourly", "0 0 * * * *");
    private static final Pattern EVERY = Pattern.compile("@every\\s+(\\S+)");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private CronSchedules() {
    }

    /**
     * @throws QuarkflowException INVALID_ARGUMENT naming {@code field} when the expression is not upstream's cron
     */
    public static Schedule parse(String expression, ZoneId zone, String field) {
        String text = expression.trim();
        try {
            Matcher every = EVERY.matcher(text);
            if (every.matches()) {
                Duration interval = goDuration(every.group(1));
                return time -> Optional.of(time.plus(interval));
            }
            String cron = DESCRIPTORS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
            ExecutionTime execution = ExecutionTime.forCron(PARSER.parse(cron).validate());
            return time -> execution.nextExecution(time.atZone(zone)).map(z -> z.toInstant());
        } catch (IllegalArgumentException e) {
            throw QuarkflowException.invalidArgument(field, "Schedule cron is not a supported format(https://"
                    + "pkg.go.dev/github.com/robfig/cron): " + expression + ": " + e.getMessage());
        }
    }

    /** Go's {@code time.ParseDuration} for the units cron accepts; whole seconds at least. */
    static Duration goDuration(String text) {
        Matcher part = GO_DURATION_PART.matcher(text);
        long nanos = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double value = Double.parseDouble(part.group(1));
            long unit = switch (part.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            };
            nanos += Math.round(value * unit);
            end = part.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("invalid duration " + text);
        }
        Duration duration = Duration.ofNanos(nanos);
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return duration.withNanos(0);
    }
}

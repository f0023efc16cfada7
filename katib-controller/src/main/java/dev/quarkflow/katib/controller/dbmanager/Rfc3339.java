package dev.quarkflow.katib.controller.dbmanager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Go's RFC3339Nano: parsing any offset, writing UTC with the fraction's trailing zeros trimmed. */
final class Rfc3339 {

    private Rfc3339() {
    }

    static Optional<LocalDateTime> parseUtc(String text) {
        try {
            return Optional.of(LocalDateTime.ofInstant(OffsetDateTime.parse(text).toInstant(), ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String format(LocalDateTime utc) {
        Instant instant = utc.toInstant(ZoneOffset.UTC);
        String seconds = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        if (instant.getNano() == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", instant.getNano()).replaceAll("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
    }
}

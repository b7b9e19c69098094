package dev.switchboard.emulator.daily;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Daily's timestamp form: ISO-8601 UTC with milliseconds, e.g. {@code 2025-03-14T04:46:31.000Z}. */
final class DailyTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DailyTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static Instant parse(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant");
        }
    }
}

package dev.switchboard.emulator.signalwire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** SignalWire's timestamp formats: ISO-8601 without fractions in Relay REST, RFC 2822 in LaML. */
final class SwTime {
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RELEASE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SwTime() {
    }

    /** {@code 2025-06-03T15:51:29Z}. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code Tue, 07 Jan 2025 10:00:00 +0000}. */
    static String rfc2822(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    /** The date in the release-cooldown message: {@code 2025-06-18 05:49:47}. */
    static String releaseDate(Instant instant) {
        return RELEASE_DATE.format(instant);
    }

    /** Reads ISO-8601 or RFC 2822; throws {@link IllegalArgumentException} naming the field. */
    static Instant parse(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return java.time.ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " is not an ISO-8601 or RFC 2822 time: " + text);
            }
        }
    }
}

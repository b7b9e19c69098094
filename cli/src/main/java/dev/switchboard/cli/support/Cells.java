package dev.switchboard.cli.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/** How one value looks in every output format: times in one ISO-8601 UTC form, lists joined, escapes. */
final class Cells {
    private Cells() {
    }

    /**
     * The value a column carries into JSON: instants (and zoned times) become ISO-8601 UTC strings at
     * whole-second precision ({@code 2026-11-20T23:53:39Z}), so a column never mixes precisions.
     */
    static Object normalized(Object value) {
        Instant instant = instantOf(value);
        return instant == null ? value : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        return null;
    }

    /** The value as one line of text for a table, CSV or TSV cell. */
    static String text(Object value) {
        Object normalized = normalized(value);
        if (normalized == null) {
            return "";
        }
        if (normalized instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (normalized instanceof Iterable<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(text(item)));
            return String.join(" ", parts);
        }
        return String.valueOf(normalized).replace('\n', ' ');
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    static String csv(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** Linear TSV: backslash, tab and line breaks escaped as {@code \\ \t \n \r}. */
    static String tsv(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** At most {@code width} characters, the last one an ellipsis when something was cut. */
    static String shorten(String value, int width) {
        if (value.length() <= width) {
            return value;
        }
        return width <= 1 ? "…".substring(0, Math.max(0, width)) : value.substring(0, width - 1) + "…";
    }
}

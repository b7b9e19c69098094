package dev.switchboard.cli.support;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 1m30s}; a bare number
 * is seconds (as the original utility's INITIAL_DELAY and TRANSFER_DELAY are); ISO-8601 ({@code PT5S}) is accepted
 * too. {@link #exact} prints an option's value back the same way; {@link #format} rounds, for progress lines and
 * ETAs ({@code 850ms}, {@code 42s}, {@code 3m05s}, {@code 1h02m}), and {@link #parse} reads that too. One converter
 * for every duration option.
 */
public final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the text when it is not a duration */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (SECONDS.matcher(value).matches()) {
            return millis(Double.parseDouble(value) * 1000);
        }
        if (value.startsWith("p")) {
            try {
                Duration iso = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (iso.isNegative()) {
                    throw notADuration(text);
                }
                return iso;
            } catch (java.time.format.DateTimeParseException e) {
                throw notADuration(text);
            }
        }
        if (!WHOLE.matcher(value).matches()) {
            throw notADuration(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            total = total.plus(millis(amount * switch (part.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            }));
        }
        return total;
    }

    /** Rounded for people: {@code 850ms}, {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
    public static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1m30s}, {@code 2h}: exact, the form {@link #parse} reads. */
    public static String exact(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long restMillis = millis % 60_000;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (restMillis > 0) {
            text.append(restMillis % 1000 == 0 ? String.valueOf(restMillis / 1000)
                    : String.valueOf(restMillis / 1000.0)).append('s');
        }
        return text.toString();
    }

    private static Duration millis(double value) {
        return Duration.ofMillis(Math.round(value));
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 2s, 5m or 1h");
    }
}

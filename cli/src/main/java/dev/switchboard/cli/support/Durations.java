package dev.switchboard.cli.support;

import java.time.Duration;

/** Durations as people read them: {@code 850ms}, {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
public final class Durations {
    private Durations() {
    }

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
}

package dev.switchboard.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of sliding windows that must all hold at once, e.g. Daily's "20 per second and 100 per five
 * seconds". No window ever grants more than its permits within any interval of its length.
 */
public record RateLimits(List<Window> windows) {

    /** At most {@code permits} grants in any half-open interval of {@code length}. */
    public record Window(int permits, Duration length) {
        public Window {
            if (permits < 1) {
                throw new IllegalArgumentException("a rate window needs at least 1 permit, was " + permits);
            }
            Objects.requireNonNull(length, "length");
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a rate window needs a positive length");
            }
        }
    }

    public RateLimits {
        windows = List.copyOf(windows);
    }

    public static RateLimits of(Window... windows) {
        return new RateLimits(List.of(windows));
    }

    /** No client-side limit. */
    public static RateLimits unlimited() {
        return new RateLimits(List.of());
    }

    /**
     * These limits tightened so no second sees more than {@code maxPerSecond} grants: every window's
     * permits are cut to what the cap allows over its length, and a one-second window is added when
     * none exists.
     */
    public RateLimits cappedAt(int maxPerSecond) {
        if (maxPerSecond < 1) {
            throw new IllegalArgumentException("the request cap must be at least 1 per second, was " + maxPerSecond);
        }
        List<Window> capped = new ArrayList<>();
        boolean hasOneSecond = false;
        for (Window window : windows) {
            double seconds = window.length().toNanos() / 1e9;
            int allowed = (int) Math.max(1, Math.min(window.permits(), Math.floor(maxPerSecond * seconds)));
            capped.add(new Window(allowed, window.length()));
            hasOneSecond |= window.length().equals(Duration.ofSeconds(1));
        }
        if (!hasOneSecond) {
            capped.add(new Window(maxPerSecond, Duration.ofSeconds(1)));
        }
        return new RateLimits(capped);
    }
}

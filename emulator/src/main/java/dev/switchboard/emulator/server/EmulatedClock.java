package dev.switchboard.emulator.server;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's notion of "now" (purchase dates, the 14-day release lock, presence durations). A frozen clock
 * stays where it is until moved; a ticking clock also follows real elapsed time. Millisecond precision.
 */
public final class EmulatedClock {
    private final Instant start;
    private final boolean ticking;
    private Instant base;
    private long baseNanos;

    public EmulatedClock(Instant start, boolean ticking) {
        this.start = start.truncatedTo(ChronoUnit.MILLIS);
        this.ticking = ticking;
        reset();
    }

    public synchronized Instant now() {
        if (!ticking) {
            return base;
        }
        return base.plusNanos(System.nanoTime() - baseNanos).truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean ticking() {
        return ticking;
    }

    public synchronized void set(Instant instant) {
        base = instant.truncatedTo(ChronoUnit.MILLIS);
        baseNanos = System.nanoTime();
    }

    public synchronized void advance(Duration duration) {
        set(now().plus(duration));
    }

    /** Back to the start instant. */
    public synchronized void reset() {
        set(start);
    }
}

package dev.switchboard.core.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A monotonic time that skips its waits: {@link #sleep} moves this time forward by the duration instead of
 * waiting, and otherwise it follows real time. Rate budgets on it never wait, yet every window they keep holds in
 * this time. A server limiting requests on the same time ({@link #nanos()}) sees the same windows, so a run paced
 * by such budgets gets no 429 and takes only its real work time. Sleeps never overlap (each ends as it starts), so
 * two budgets waiting side by side move the time by the sum of their waits: the time may run ahead of what one
 * budget alone needs, which only makes the windows pass sooner for the server and the budgets alike. Thread-safe.
 */
public final class SkippingTime implements Ticker, Sleeper {
    private final AtomicLong skipped = new AtomicLong();

    @Override
    public long nanos() {
        return System.nanoTime() + skipped.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        skipped.addAndGet(duration.toNanos());
    }

    /** How much time has been skipped so far. */
    public Duration skipped() {
        return Duration.ofNanos(skipped.get());
    }
}

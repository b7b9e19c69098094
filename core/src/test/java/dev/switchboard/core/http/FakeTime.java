package dev.switchboard.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Time that only moves when someone sleeps; records every wait. Thread-safe. */
public final class FakeTime implements Ticker, Sleeper {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanos() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        nanos.addAndGet(duration.toNanos());
    }

    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}

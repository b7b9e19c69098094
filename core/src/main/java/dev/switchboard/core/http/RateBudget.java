package dev.switchboard.core.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client-side request budget for one credential, enforcing several sliding windows at once. Callers
 * take one permit per request with {@link #acquire()}, which blocks until every window has room and no
 * pause is in force. Waiters are served first come, first served (a fair lock; only the head waiter
 * sleeps, the others are parked), so the cost per permit stays constant with many threads. A 429 from
 * the provider {@link #pause(Duration) pauses} the whole budget, so every thread sharing the key slows
 * down, not just the one that was refused. Thread-safe.
 */
public final class RateBudget {
    private final RateLimits limits;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final WindowLog[] logs;
    private final AtomicLong pausedUntil;

    public RateBudget(RateLimits limits, Ticker ticker, Sleeper sleeper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        List<RateLimits.Window> windows = limits.windows();
        this.logs = new WindowLog[windows.size()];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = new WindowLog(windows.get(i));
        }
        this.pausedUntil = new AtomicLong(ticker.nanos());
    }

    /** A budget on the system clock. */
    public RateBudget(RateLimits limits) {
        this(limits, Ticker.system(), Sleeper.system());
    }

    public static RateBudget unlimited() {
        return new RateBudget(RateLimits.unlimited());
    }

    public RateLimits limits() {
        return limits;
    }

    /** Blocks until a request may be sent under every window and any pause has passed. */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = ticker.nanos();
                long readyAt = readyAt(now);
                long wait = readyAt - now;
                if (wait <= 0) {
                    for (WindowLog log : logs) {
                        log.record(now);
                    }
                    return;
                }
                sleeper.sleep(Duration.ofNanos(wait));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops every caller of this budget from starting a request for {@code duration} from now (a pause
     * already running longer is kept). Called when the provider answers 429.
     */
    public void pause(Duration duration) {
        long until = ticker.nanos() + Math.max(0, duration.toNanos());
        pausedUntil.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
    }

    /** How long the current pause still runs; zero when none. */
    public Duration remainingPause() {
        long left = pausedUntil.get() - ticker.nanos();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    private long readyAt(long now) {
        long ready = now;
        long paused = pausedUntil.get();
        if (paused - ready > 0) {
            ready = paused;
        }
        for (WindowLog log : logs) {
            long free = log.freeAt(now);
            if (free - ready > 0) {
                ready = free;
            }
        }
        return ready;
    }

    /** The grant times of the last {@code permits} requests, as a ring; guarded by the budget's lock. */
    private static final class WindowLog {
        private final long lengthNanos;
        private final long[] grants;
        private int head;
        private int count;

        WindowLog(RateLimits.Window window) {
            this.lengthNanos = window.length().toNanos();
            this.grants = new long[window.permits()];
        }

        long freeAt(long now) {
            return count < grants.length ? now : grants[head] + lengthNanos;
        }

        void record(long time) {
            if (count < grants.length) {
                grants[(head + count) % grants.length] = time;
                count++;
            } else {
                grants[head] = time;
                head = (head + 1) % grants.length;
            }
        }
    }
}

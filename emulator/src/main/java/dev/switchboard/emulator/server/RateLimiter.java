package dev.switchboard.emulator.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sliding-window limiter per (credential, class). A request is admitted only if every window of its class
 * has room; a rejected request is not counted.
 */
public final class RateLimiter {
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> admitted = new ConcurrentHashMap<>();
    private volatile RateLimits limits;

    public RateLimiter(RateLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    public RateLimits limits() {
        return limits;
    }

    /** Replaces the configuration and forgets the counted requests. */
    public void configure(RateLimits newLimits) {
        this.limits = newLimits;
        admitted.clear();
    }

    /**
     * Admits or rejects one request.
     *
     * @return empty when admitted; otherwise how long until the fullest window has room again
     */
    public java.util.Optional<Duration> tryAcquire(String credential, String rateClass) {
        RateLimits current = limits;
        if (!current.enabled() || credential == null) {
            return java.util.Optional.empty();
        }
        List<RateLimits.Window> windows = current.windowsFor(rateClass);
        if (windows.isEmpty()) {
            return java.util.Optional.empty();
        }
        long longest = windows.stream().mapToLong(w -> w.period().toNanos()).max().orElseThrow();
        Deque<Long> times = admitted.computeIfAbsent(rateClass + '\u0000' + credential, k -> new ArrayDeque<>());
        synchronized (times) {
            long now = nanoTime.getAsLong();
            while (!times.isEmpty() && now - times.peekFirst() >= longest) {
                times.pollFirst();
            }
            long waitNanos = 0;
            for (RateLimits.Window window : windows) {
                waitNanos = Math.max(waitNanos, waitFor(times, window, now));
            }
            if (waitNanos > 0) {
                return java.util.Optional.of(Duration.ofNanos(waitNanos));
            }
            times.addLast(now);
            return java.util.Optional.empty();
        }
    }

    /** How much of one window a credential has used: {@code used} of {@code limit} requests in {@code period}. */
    public record WindowUse(int limit, Duration period, int used) {
    }

    /** One credential's use of one rate-limit class; the credential only as its fingerprint. */
    public record Usage(String keyFingerprint, String rateClass, List<WindowUse> windows) {
    }

    /** Every credential's current use of each class it has sent requests in, sorted by fingerprint and class. */
    public List<Usage> usage() {
        RateLimits current = limits;
        List<Usage> result = new java.util.ArrayList<>();
        admitted.forEach((key, times) -> {
            int separator = key.indexOf('\u0000');
            String rateClass = key.substring(0, separator);
            List<WindowUse> windows = new java.util.ArrayList<>();
            synchronized (times) {
                long now = nanoTime.getAsLong();
                for (RateLimits.Window window : current.windowsFor(rateClass)) {
                    long period = window.period().toNanos();
                    int used = (int) times.stream().filter(t -> now - t < period).count();
                    windows.add(new WindowUse(window.limit(), window.period(), used));
                }
            }
            result.add(new Usage(RequestLog.fingerprint(key.substring(separator + 1)), rateClass, windows));
        });
        result.sort(java.util.Comparator.comparing(Usage::keyFingerprint).thenComparing(Usage::rateClass));
        return result;
    }

    /** Zero if the window has room, else the time until its oldest counted request leaves it. */
    private static long waitFor(Deque<Long> times, RateLimits.Window window, long now) {
        long period = window.period().toNanos();
        int inWindow = 0;
        long oldestInWindow = now;
        for (Iterator<Long> it = times.descendingIterator(); it.hasNext(); ) {
            long t = it.next();
            if (now - t >= period) {
                break;
            }
            inWindow++;
            oldestInWindow = t;
        }
        return inWindow < window.limit() ? 0 : Math.max(1, oldestInWindow + period - now);
    }
}

package dev.switchboard.daily.migration;

import dev.switchboard.core.http.RateBudget;

import java.time.Duration;

/**
 * The default number of entries a migration runs at once, from the rate the keys allow and the latency
 * observed on them.
 *
 * <p>An entry with a config makes three requests one after the other (transfer and delete on the source,
 * create on the target, whose answer is the check), and journals around each. To keep the source key's
 * budget busy, entries must finish at {@code rate / 2} per second; an entry that never waits for the budget
 * takes {@code 3 × (latency + per-step overhead)}, so by Little's law {@code rate / 2 × 3 × (latency + overhead)}
 * entries must be in flight. Twice that absorbs the variance, and the result is clamped to
 * [{@value #MIN}, {@value #MAX}]: at least a few so one slow answer does not stall a key, at most enough
 * that the requests finishing started entries never queue for long (the routing gap).
 */
public final class ApplyConcurrency {
    static final int MIN = 4;
    static final int MAX = 32;
    static final int REQUESTS_PER_ENTRY = 3;
    /** Journal syncs and bookkeeping around one step. */
    static final Duration STEP_OVERHEAD = Duration.ofMillis(10);
    /** Assumed when no request has been answered yet. */
    static final Duration UNKNOWN_LATENCY = Duration.ofMillis(250);

    private ApplyConcurrency() {
    }

    /** For a sustained {@code requestsPerSecond} per key and a typical request {@code latency}. */
    public static int suggest(double requestsPerSecond, Duration latency) {
        if (Double.isInfinite(requestsPerSecond)) {
            return MAX;
        }
        double entrySeconds = REQUESTS_PER_ENTRY * (latency.plus(STEP_OVERHEAD).toNanos() / 1e9);
        double inFlight = 2 * (requestsPerSecond / 2) * entrySeconds;
        return (int) Math.max(MIN, Math.min(MAX, Math.ceil(inFlight)));
    }

    /** From the two keys' budgets: the slower rate, the longer typical latency. */
    public static int suggest(MigrationClients clients) {
        RateBudget source = clients.source().rateBudget();
        RateBudget target = clients.target().rateBudget();
        double rate = Math.min(source.sustainedRate(), target.sustainedRate());
        Duration latency = max(source.typicalLatency().orElse(UNKNOWN_LATENCY),
                target.typicalLatency().orElse(UNKNOWN_LATENCY));
        return suggest(rate, latency);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

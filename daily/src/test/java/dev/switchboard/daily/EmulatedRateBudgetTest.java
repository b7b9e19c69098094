package dev.switchboard.daily;

import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.emulator.EmulatorBuilder;
import dev.switchboard.emulator.server.RateLimits;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's own rate budget keeps a burst under Daily's documented limits, so the emulator (enforcing
 * the same 20 per second and 100 per 5 seconds) never has to answer 429. Real time on both sides.
 */
class EmulatedRateBudgetTest extends EmulatedDaily {
    private static final int REQUESTS = 150;
    private static final int THREADS = 4;

    @Override
    EmulatorBuilder configure(EmulatorBuilder builder) {
        return builder.rateLimits(RateLimits.dailyDefaults());
    }

    @Override
    DailyClientOptions options() {
        // No retries: a 429 would surface as an exception instead of being absorbed.
        return super.options().withRetryPolicy(RetryPolicy.none());
    }

    @Test
    void aBurstOfGetsNeverMeetsTheServersRateLimit() throws Exception {
        long started = System.nanoTime();
        List<Future<String>> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                calls.add(pool.submit(() -> source.domain().name()));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo("source");
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        List<RequestLogEntry> log = emulator.admin().requests();
        System.out.printf("%d GETs on %d threads in %d ms; busiest 1 s: %d requests, busiest 5 s: %d; 429s: %d%n",
                log.size(), THREADS, elapsed.toMillis(), busiest(log, Duration.ofSeconds(1)),
                busiest(log, Duration.ofSeconds(5)), log.stream().filter(e -> e.status() == 429).count());
        assertThat(log).hasSize(REQUESTS).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        // 150 requests under 100 per 5 s cannot finish sooner than 5 s; the upper bound is only a hang guard.
        assertThat(elapsed).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** The most requests that arrived within any window of {@code length}. */
    private static int busiest(List<RequestLogEntry> log, Duration length) {
        List<Instant> arrivals = log.stream().map(RequestLogEntry::at).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (!arrivals.get(first).plus(length).isAfter(arrivals.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}

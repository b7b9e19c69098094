package dev.switchboard.daily;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.EmulatorBuilder;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Base for end-to-end tests: a real {@link DailyClient} against the embedded emulator on an ephemeral
 * port. Two domains ({@code source}, {@code target}), a frozen emulated clock, a fixed seed, emulator rate
 * limits off unless a test turns them on, and retries with millisecond delays so the suite stays fast.
 * Every client gets a fresh rate-budget registry, so tests never share a budget.
 */
abstract class EmulatedDaily {
    static final long SEED = 20260301L;
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final Secret SOURCE_KEY = Secret.of("e2e-source-key");
    static final Secret TARGET_KEY = Secret.of("e2e-target-key");
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(40),
            Duration.ofMillis(200));

    Emulator emulator;
    DailyClient source;
    DailyClient target;

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED + ", retry jitter seed " + SEED);
        emulator = configure(Emulator.builder().seed(SEED).clock(START).disableRateLimits()).start();
        emulator.admin().daily().createDomain("source", SOURCE_KEY.reveal());
        emulator.admin().daily().createDomain("target", TARGET_KEY.reveal());
        source = client(SOURCE_KEY);
        target = client(TARGET_KEY);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** Hook for tests needing other emulator settings (rate limits, faults at start-up). */
    EmulatorBuilder configure(EmulatorBuilder builder) {
        return builder;
    }

    DailyClient client(Secret key) {
        return new DailyClient(emulator.dailyBaseUri(), key, options());
    }

    DailyClientOptions options() {
        return DailyClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetryPolicy(FAST_RETRIES)
                .withRateBudgets(new RateBudgetRegistry(Ticker.system(), Sleeper.system()))
                .withTiming(Sleeper.system(), Ticker.system(), Clock.systemUTC(), new Random(SEED));
    }

    /** The emulator's request log entries for {@code method} on paths matching {@code pathRegex}. */
    List<RequestLogEntry> logged(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return emulator.admin().requests().stream()
                .filter(e -> e.method().equals(method) && path.matcher(e.path()).matches())
                .toList();
    }

    /** Distinct, well-formed US numbers: {@code +1 area 2xx nnnn}. */
    static String number(int area, int index) {
        return String.format("+1%03d%03d%04d", area, 200 + index / 10_000, index % 10_000);
    }
}

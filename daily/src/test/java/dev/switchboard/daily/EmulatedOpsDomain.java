package dev.switchboard.daily;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Instant;

/** Base for client tests against the emulator: one domain "ops", a frozen clock, no retries, its own rate budgets. */
abstract class EmulatedOpsDomain {
    static final long SEED = 5150L;
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final Secret KEY = Secret.of("ops-key");

    Emulator emulator;
    DailyClient client;

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = Emulator.builder().seed(SEED).clock(START).disableRateLimits().start();
        emulator.admin().daily().createDomain("ops", KEY.reveal());
        client = new DailyClient(emulator.dailyBaseUri(), KEY, DailyClientOptions.defaults()
                .withRetryPolicy(RetryPolicy.none())
                .withRateBudgets(new RateBudgetRegistry(Ticker.system(), Sleeper.system())));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }
}

package dev.switchboard.emulator;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh emulator per test: two domains, a frozen clock, no rate limits, a fixed seed. */
abstract class DailyTestBase {
    static final long SEED = 20260101L;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String SOURCE_KEY = "source-key";
    static final String TARGET_KEY = "target-key";

    Emulator emulator;
    TestHttp http;

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = configure(Emulator.builder().seed(SEED).clock(START).disableRateLimits()).start();
        emulator.admin().daily().createDomain("source", SOURCE_KEY);
        emulator.admin().daily().createDomain("target", TARGET_KEY);
        http = new TestHttp(emulator.dailyBaseUri());
    }

    /** Hook for tests that need other builder settings. */
    EmulatorBuilder configure(EmulatorBuilder builder) {
        return builder;
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** {@code +1415200NNNN}-style distinct numbers for bulk set-up. */
    static String number(int area, int index) {
        return String.format("+1%03d%03d%04d", area, 200 + index / 10_000, index % 10_000);
    }
}

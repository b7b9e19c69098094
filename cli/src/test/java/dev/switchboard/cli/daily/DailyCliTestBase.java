package dev.switchboard.cli.daily;

import dev.switchboard.cli.CliRun;
import dev.switchboard.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code switchboard daily} commands in process against a fresh emulator: domain "ops" with a key of its own
 * per test (so no two tests share a client-side rate budget), an emulated clock that follows real time (webhook
 * timestamps are then fresh for the listener), no server-side rate limits.
 */
abstract class DailyCliTestBase {
    static final long SEED = 424242L;
    private static final AtomicInteger KEYS = new AtomicInteger();

    @TempDir
    Path dir;
    Emulator emulator;
    String key;

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = Emulator.builder().seed(SEED).tickingClock(Instant.now()).disableRateLimits().start();
        key = "ops-key-" + getClass().getSimpleName() + "-" + KEYS.incrementAndGet();
        emulator.admin().daily().createDomain("ops", key);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    CliRun cli() {
        return new CliRun(dir).env("DAILY_API_KEY", key).env("DAILY_API_URL", emulator.dailyBaseUri().toString());
    }

    CliRun.Result run(String... args) {
        return cli().run(args);
    }

    long requestsContaining(String part) {
        return emulator.admin().requests().stream().filter(r -> r.path().contains(part)).count();
    }

    long requestsTo(String pathSuffix) {
        return emulator.admin().requests().stream().filter(r -> r.path().endsWith(pathSuffix)).count();
    }
}
